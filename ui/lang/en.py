"""English strings. Every key here also exists in ko.py."""

STRINGS = {
    # --- app frame ---
    "app.title": "Autoencoders: everything there is",
    "frame.presenter": "Presenter mode",
    "frame.presenter_help": "Projector-sized type and charts; explanations collapsed.",
    "frame.explanation": "Explanation",
    "frame.reset": "Reset to lecture defaults",
    "frame.reset_help": "Put every control on this page back to the set-up used in the lecture.",
    "frame.equations": "Equations",
    "error.asset": "Cannot use the data file `{file}`: {problem}. Expected sha256: `{sha256}`",
    "error.asset_missing": "the file is missing",
    "error.asset_altered": "its content has changed",
    # --- page titles ---
    "page.gradient_descent.title": "Gradient descent and the learning rate",
    "page.sigmoid_neuron.title": "Learning slowdown of a sigmoid neuron",
    "page.gradient_vanishing.title": "Vanishing gradients in depth",
    "page.maximum_likelihood.title": "The loss as maximum likelihood",
    # --- chapters ---
    "chapter.ch1.title": "1 · Revisit deep neural networks",
    "chapter.ch2.title": "2 · Manifold learning",
    "chapter.ch3.title": "3 · Autoencoders",
    "chapter.ch4.title": "4 · Variational autoencoders",
    "chapter.ch5.title": "5 · Generative adversarial networks",
    "chapter.ch1.summary": "Two readings of the loss (back-propagation and maximum likelihood). "
                           "Gradient descent, the slow sigmoid neuron, vanishing gradients.",
    "chapter.ch2.summary": "High-dimensional data lie near a low-dimensional manifold. "
                           "PCA and nonlinear reduction (autoencoder, t-SNE, Isomap).",
    "chapter.ch3.summary": "Undercomplete, stacked and denoising autoencoders.",
    "chapter.ch4.summary": "ELBO = reconstruction + KL, the reparameterisation trick, CVAE, AAE.",
    "chapter.ch5.summary": "The minimax game of discriminator and generator, mode collapse, VAE vs GAN.",
    "home.planned": "coming",
    # --- home page ---
    "page.home.title": "Lecture map",
    "home.intro": "An interactive companion to Hwalsuk Lee's 2017 lecture **“Autoencoders: "
                  "everything there is”**. Pick a chapter in the menu on the left and move the "
                  "sliders: the pictures answer at once. All data and models ship with the app, "
                  "so it works without a network.",
    "home.keywords": "Four keywords that describe an autoencoder",
    "home.kw.unsupervised": "Unsupervised learning",
    "home.kw.unsupervised_body": "It learns without labels: the input is its own target. This is **how it is trained**.",
    "home.kw.manifold": "Manifold learning",
    "home.kw.manifold_body": "The encoder is a nonlinear dimensionality reduction to a small code. This is **the encoder**.",
    "home.kw.generative": "Generative model learning",
    "home.kw.generative_body": "The decoder turns a code back into data: a generative model. This is **the decoder**.",
    "home.kw.ml": "Maximum-likelihood density estimation",
    "home.kw.ml_body": "The loss reads as a negative log-likelihood (explicit in the VAE). This is **the loss**.",
    "home.diagram": "input x → encoder → code z → decoder → reconstruction x̂, and a loss comparing x with x̂",
    "home.diagram.input": "input x",
    "home.diagram.encoder": "encoder\\n(manifold learning)",
    "home.diagram.code": "code z",
    "home.diagram.decoder": "decoder\\n(generative model)",
    "home.diagram.output": "reconstruction x̂",
    "home.diagram.loss": "loss −log p(x | x̂)\\n(maximum likelihood)",
    "home.diagram.unsupervised": "target = input (unsupervised)",
    "home.chapters": "The lecture, in order",
    # --- sigmoid neuron page (pages/2_sigmoid_neuron.py) ---
    "neuron.intro": "One sigmoid neuron learns to turn the input 1 into the output 0. Start from either of two initial values at the same learning rate and compare how fast the quadratic cost and the cross-entropy learn.",
    "neuron.explain": (
        "**The back-propagation view.** The gradient of the quadratic cost (MSE) carries the "
        "derivative of the activation, σ'(z). It is at most 1/4 and almost 0 once the neuron "
        "saturates (from w = b = 2 the output starts at a ≈ 0.98). So the neuron learns "
        "**slowest when it is most wrong**: the output sits near 0.93 for about 150 epochs.\n\n"
        "With **cross-entropy** σ'(z) cancels and ∂C/∂z = a − y: the step grows with the error, "
        "so the start matters far less. In a deep net σ'(z) ≤ 1/4 multiplies once per layer; "
        "that is the vanishing gradient of the next page."
    ),
    "neuron.preset.good": "Start at (w, b) = (0.6, 0.9)",
    "neuron.preset.saturated": "Start at (w, b) = (2, 2) · saturated",
    "neuron.presets": "The lecture's two starts",
    "neuron.w0": "Initial weight w",
    "neuron.b0": "Initial bias b",
    "neuron.lr": "Learning rate η",
    "neuron.epochs": "Epochs",
    "neuron.loss.quadratic": "Quadratic cost (MSE)",
    "neuron.loss.cross_entropy": "Cross-entropy",
    "neuron.final_output": "Final output a",
    "neuron.final_cost": "Final cost C",
    "neuron.start_output": "start output {value:.3f}",
    "neuron.epoch": "epoch",
    "neuron.value": "value",
    "neuron.series.output": "output a",
    "neuron.series.cost": "cost C",
    "neuron.curve_title": "{loss}: output and cost per epoch",
    "neuron.sigma_title": "σ(z) and σ'(z) (σ' ≤ 1/4), with the first and last z",
    "neuron.sigma": "σ(z)",
    "neuron.sigma_prime": "σ'(z)",
    "neuron.marker": "marker",
    "neuron.marker.start": "start z",
    "neuron.marker.end": "end z · {loss}",
    "neuron.surface_title": "{loss}: cost over (w, b) and the descent path",
    "neuron.cost": "cost",
    "neuron.slow_note": "first epoch with output below 0.5: {epoch}",
    "neuron.never_below": "the output did not go below 0.5 within {epochs} epochs",
    # --- end of catalogue (new page sections go above this line) ---
}
