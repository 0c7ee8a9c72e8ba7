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
    # --- data source (ui/loaders.py) ---
    "data.full_mnist": "Use the full MNIST (70,000)",
    "data.full_mnist_help": "Downloaded once from the internet (about 11 MB). Off: the 10,000 digits bundled with the app.",
    "data.downloading": "Downloading the full MNIST…",
    "data.full_mnist_offline": "The full MNIST could not be downloaded (no network). Carrying on with the 10,000 bundled digits.",
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
    # --- maximum likelihood page (pages/4_maximum_likelihood.py) ---
    "ml.intro": "Read the network output $f_\\theta(x)$ not as a single number but as **the parameter of a distribution $p(y \\mid f_\\theta(x))$ over the target y**. The loss is then the negative log-likelihood $-\\log p(y \\mid f_\\theta(x))$: a Gaussian output gives the MSE, a Bernoulli output gives the cross-entropy. And since we learned a distribution, we can draw several outputs for the same input.",
    "ml.explain": (
        "**The maximum-likelihood view.** From the back-propagation view we wanted the output to be close to the target. "
        "Said with probabilities: under the distribution $p(y \\mid f_\\theta(x))$ that the output defines, we want **the training targets to be likely**. "
        "Training becomes maximum-likelihood estimation: find the θ that makes the likelihood largest.\n\n"
        "**Why −log.** If the samples are independent, the likelihood of the data is a product of per-sample probabilities. "
        "The log turns that product into **a sum of per-sample losses**, which is what back-propagation over mini-batches adds up. "
        "The minus sign makes the loss fall as the probability rises.\n\n"
        "**Gaussian → MSE.** With σ fixed and the output as the mean, one sample's −log p is (y − f)²/(2σ²) plus the constant log(σ√2π). "
        "Summed over N samples: N·MSE/(2σ²) + N·log(σ√2π), the MSE times a positive number plus a constant. So the line with the smallest "
        "loss is the line with the smallest MSE, whatever σ is. Move the σ slider: the loss changes, the best line does not. "
        "With a small σ the density exceeds 1 and −log p turns negative: it is a density, not a probability.\n\n"
        "**Bernoulli → cross-entropy.** Take the output p as 'the probability that y = 1'; then −log p(y | p) = −[y log p + (1 − y) log(1 − p)], "
        "the binary cross-entropy. Hence MSE is the natural loss for continuous targets and cross-entropy for 0/1 targets.\n\n"
        "**Fixed input → different outputs.** We learned a distribution, not a value, so with the input x₀ held fixed every draw gives "
        "a different output. The more we draw, the closer the histogram and the frequencies come to the model's distribution. "
        "A generative model has to make many results from one code, and the decoder of a VAE relies on exactly this."
    ),
    "ml.point": "Data point i (input x₀ = xᵢ)",
    "ml.point_help": "The input whose likelihood we look at and from which we draw. Regression and classification share the inputs xᵢ.",
    "ml.gaussian": "Gaussian output → MSE (regression)",
    "ml.bernoulli": "Bernoulli output → cross-entropy (classification)",
    "ml.sampling": "Sampling: fixed input → different outputs",
    "ml.slope": "Slope a  (f(x) = a·x + b)",
    "ml.intercept": "Intercept b",
    "ml.sigma": "Standard deviation σ (fixed)",
    "ml.weight": "Weight w  (p(x) = sigmoid(w·x + c))",
    "ml.bias": "Bias c",
    "ml.sample": "Draw {count} more",
    "ml.sample_help": "Keep the chosen input x₀ and draw new outputs from the distributions both models give for it.",
    "ml.clear": "Clear the draws",
    "ml.x": "input x",
    "ml.y": "target y",
    "ml.label_axis": "label y, probability p(y = 1 | x)",
    "ml.density": "probability density",
    "ml.probability": "probability",
    "ml.target": "target y₀",
    "ml.mean": "mean f(x₀)",
    "ml.outcome": "output y",
    "ml.source.model": "model probability",
    "ml.source.draws": "frequency in the draws",
    "ml.data_title": "Data and the model f(x) = a·x + b; band f(x) ± 2σ",
    "ml.density_title": "Predicted p(y | f(x₀)) at x₀ = {x0:.2f}",
    "ml.density_target": "target y₀ = {y0:.2f} (red line)",
    "ml.density_nll": "−log p(y₀ | f(x₀)) = {nll:.3f}",
    "ml.logistic_title": "Data and the model p(x) = sigmoid(w·x + c)",
    "ml.bars_title": "Predicted Bernoulli at x₀ = {x0:.2f}",
    "ml.bars_target": "target y₀ = {label} (red outline)",
    "ml.bars_nll": "−log p(y₀ | p) = {nll:.3f}",
    "ml.metric.gaussian_nll": "Σ −log p(yᵢ | f(xᵢ))",
    "ml.metric.gaussian_loss": "MSE",
    "ml.metric.gaussian_from_loss": "N·MSE/(2σ²) + N·log(σ√2π)",
    "ml.metric.bernoulli_nll": "Σ −log p(yᵢ | pᵢ)",
    "ml.metric.bernoulli_loss": "cross-entropy CE (mean)",
    "ml.metric.bernoulli_from_loss": "N·CE",
    "ml.identity": "N = {count}. The first number (the summed negative log-likelihood) and the third (rebuilt from the loss) differ by {difference:.1e}: equal up to floating-point rounding.",
    "ml.best_line": "The line with the smallest MSE, and so the largest likelihood: a = {slope:.3f}, b = {intercept:.3f} (for any σ). For the current line the likelihood is largest at σ = √MSE = {sigma:.3f}.",
    "ml.best_logistic": "The parameters with the smallest cross-entropy, and so the largest likelihood: w = {weight:.3f}, c = {bias:.3f}.",
    "ml.sampling_intro": "The input is fixed at x₀ = {x0:.2f}. For it the regression model gives N(f(x₀) = {mean:.3f}, σ² = {sigma:.2f}²) and the classifier a Bernoulli with p = {p:.3f}. Every press draws new outputs from these distributions and adds them to the two charts above (histogram, grey bars).",
    "ml.draws_none": "No draws yet. Press the draw button in the sidebar.",
    "ml.metric.draws": "draws",
    "ml.metric.sample_mean": "mean (Gaussian)",
    "ml.metric.sample_std": "std (Gaussian)",
    "ml.metric.fraction": "share of 1s (Bernoulli)",
    "ml.draws_latest": "The latest outputs drawn for the same input · Gaussian: {gaussian} · Bernoulli: {bernoulli}",
    # --- gradient descent page (pages/1_gradient_descent.py) ---
    "gd.intro": "Approximate the loss near the current parameters by its first-order Taylor expansion and it follows that a small move against the gradient lowers the loss: that is gradient descent. The approximation only holds close by, so the learning rate has to be small. Change the learning rate and watch slow convergence, fast convergence, oscillation and divergence in turn.",
    "gd.explain": (
        "**Why against the gradient.** Put Δθ = −η∇L into the first-order Taylor expansion and ΔL ≈ −η‖∇L‖², which can never be positive. "
        "So every step is *predicted* to lower the loss.\n\n"
        "**Why the learning rate must be small.** The terms the prediction drops are about ½ L''(θ) Δθ²: they grow with the square of the step. "
        "For a short step they are negligible; for a long one prediction and reality part ways. The orange band in the first picture is where the "
        "relative error of the first-order prediction stays under 10 %. A step that leaves the band cannot trust its prediction.\n\n"
        "**Four behaviours.** In a valley of curvature λ one step multiplies the distance to the minimum by (1 − ηλ). "
        "For η < 1/λ the iterates approach from one side (very slowly if η is tiny); for 1/λ < η < 2/λ they jump across the minimum and oscillate; "
        "for η > 2/λ they move away and diverge. The elongated bowl in the second picture has a different curvature in each direction: "
        "the steep one (λ = 4) caps the usable learning rate, the shallow one (λ = 1) sets the speed.\n\n"
        "**Mini-batches.** The full loss is the mean of the per-sample losses, so its gradient is the mean of the per-sample gradients. "
        "With much data you cannot compute all of it at every step, so you average M randomly chosen samples instead. "
        "That batch gradient is an estimate of the full gradient; averaged over the batches of one epoch it equals the full gradient exactly. "
        "The smaller the batch, and the closer to the minimum (where the full gradient shrinks), the more the estimate wobbles."
    ),
    "gd.presets": "Four learning rates in the lecture set-up",
    "gd.preset": "{regime} · η = {lr:g}",
    "gd.regime.slow": "slow",
    "gd.regime.fast": "fast",
    "gd.regime.oscillating": "oscillating",
    "gd.regime.diverged": "diverged",
    "gd.lr": "Learning rate η (log scale)",
    "gd.lr_help": "The same learning rate drives all three pictures (the curve, the bowl and the regression).",
    "gd.steps": "Steps",
    "gd.start": "Start θ₀ on the 1-D loss",
    "gd.inspect": "Step to inspect, k",
    "gd.inspect_help": "The first picture shows the tangent at point k and the predicted and actual loss after the next step; the regression picture shows the cosines of batch gradients at point k. If a path is shorter, its last point is used.",
    "gd.batch": "Mini-batch size M",
    "gd.seed": "Batch shuffling seed",
    "gd.regime": "Regime",
    "gd.regime_help": "diverged: ended up more than 10 times as far from the minimum as at the start. oscillating: visible steps turned back at least three times. fast: the loss gap to the minimum fell below 0.1 % of its starting value. slow: it did not within the given steps.",
    "gd.diverged": "Diverged at step {step}; only the points before it are drawn.",
    "gd.converged": "Within 0.1 % of the starting loss gap at step {step}.",
    "gd.not_converged": "Not within 0.1 % of the starting loss gap after {steps} steps.",
    "gd.loss": "loss L",
    "gd.section.curve": "1 · One parameter: how far can the first-order prediction be trusted?",
    "gd.series.loss": "loss L(θ)",
    "gd.series.tangent": "first-order prediction L(θₖ) + L'(θₖ)Δθ",
    "gd.series.iterates": "descent iterates",
    "gd.series.predicted": "predicted next loss",
    "gd.series.actual": "actual next loss",
    "gd.series.descent": "descent path",
    "gd.series.full": "full batch",
    "gd.series.mini": "mini-batch M = {batch}",
    "gd.step": "step",
    "gd.curve_title": "The descent path and the tangent at step {step} (band: relative error < 10 %)",
    "gd.predicted": "Predicted L(θ − η∇L)",
    "gd.actual": "Actual L(θ − η∇L)",
    "gd.relative_error": "Relative error of the linear prediction",
    "gd.relative_error_help": "|actual − predicted| ÷ |predicted change η L'(θ)²|",
    "gd.trust": "Around θₖ the relative error stays under 10 % for Δθ ∈ [{low:+.3f}, {high:+.3f}]. This step, Δθ = {step:+.3f}, is {verdict}.",
    "gd.trust.inside": "inside that range: the prediction can be trusted",
    "gd.trust.outside": "outside that range: the prediction misses",
    "gd.section.bowl": "2 · Two parameters: an elongated bowl",
    "gd.bowl_title": "The loss over (θ₁, θ₂) and the descent path (start {start})",
    "gd.final_loss": "Final loss",
    "gd.regime_caption": "In the lecture set-up (θ₀ = {start:g}, {steps} steps), for both pictures: slow η = {slow:g}, fast η = {fast:g}, oscillating η = {oscillating:g}, diverged η = {diverged:g}. What decides is the curvature λ at the minimum: for η < 1/λ the path approaches from one side, for 1/λ < η < 2/λ it jumps across, for η > 2/λ it runs away.",
    "gd.section.batch": "3 · Full batch vs mini-batches: the batch gradient estimates the full gradient",
    "gd.batch_title": "Loss of y ≈ wx + b and both paths from (w, b) = {start}",
    "gd.paths_caption": "The full batch steps along the mean gradient of all N = {n} samples, the mini-batch along the mean of M = {batch} ({per_epoch} steps per epoch, {epochs:g} epochs in all). Same start, learning rate and number of steps.",
    "gd.cosine_title": "cos∠(g_B, ∇L) for {samples} random batches of M = {batch} at step {step}",
    "gd.cosine": "cosine between batch and full gradient",
    "gd.count": "batches",
    "gd.mean_cosine": "Mean cosine",
    "gd.downhill": "Batches pointing downhill",
    "gd.downhill_help": "With cos > 0 a step along that batch gradient still lowers the full loss, to first order.",
    "gd.no_gradient": "The full gradient is exactly zero here: there is no direction to compare with.",
    "gd.cosine_caption": "The larger the batch, the closer the cosines are to 1 (exactly 1 for M = N). Move the step k towards the minimum: the full gradient shrinks while the differences between batches remain, so the estimate wobbles more and more.",
    # --- gradient vanishing page (pages/3_gradient_vanishing.py) ---
    "gv.intro": "A multilayer perceptron with L − 1 hidden layers reads 256 MNIST training images and predicts the digit (softmax and cross-entropy). For every layer l we measure how large the gradient of the loss with respect to its weights, ‖∂C/∂Wˡ‖, is: at initialisation and after a few gradient-descent steps on the same batch.",
    "gv.explain": (
        "**Back-propagation multiplies by f'(z) once per layer.** Going from the output back to the "
        "input, the error δ is multiplied at every layer by the transposed weights and by the "
        "derivative of the activation. The sigmoid's derivative is at most 1/4, so with Glorot weights "
        "(which keep ‖Wᵀδ‖ ≈ ‖δ‖) the gradient shrinks by about a factor of 4 per layer: on the log "
        "scale the curve is a straight line that follows the dashed (1/4)ᴸ⁻ˡ line. With 10 hidden "
        "layers the first layer gets about a millionth of the output layer's gradient, so gradient "
        "descent barely changes it: **gradient vanishing**.\n\n"
        "**tanh** (derivative ≤ 1, close to 1 near 0) loses much less. **ReLU** has derivative 1 "
        "wherever a unit is active, so the gradient passes through unchanged; about half of the units "
        "are off, and He initialisation doubles the weight variance to make up for it. The curve stays "
        "flat: ReLU is the cure the lecture names.\n\n"
        "**Initialisation matters too.** With small random weights N(0, 0.01²), Wᵀ also shrinks δ "
        "at every layer (by about √64 · 0.01 = 0.08 for 64 units). For the sigmoid the ratio then falls "
        "far below the dashed line. For tanh and ReLU the forward signal fades as well: the ratio "
        "stays near 1, but every layer's gradient is many orders of magnitude too small. Change the "
        "depth and watch the ratio and the dashed line."
    ),
    "gv.presets": "Two set-ups to compare",
    "gv.preset.sigmoid": "Sigmoid + Glorot · vanishes",
    "gv.preset.relu": "ReLU + He · the cure",
    "gv.depth": "Hidden layers (L − 1)",
    "gv.depth_help": "The number of hidden layers; the output layer comes on top, so the net has L = hidden + 1 weight layers.",
    "gv.activation": "Activation function f",
    "gv.act.sigmoid": "sigmoid σ",
    "gv.act.tanh": "tanh",
    "gv.act.relu": "ReLU",
    "gv.init": "Weight initialisation",
    "gv.init.glorot_uniform": "Glorot (Xavier) uniform",
    "gv.init.he_normal": "He normal",
    "gv.init.small_normal": "N(0, 0.01²)",
    "gv.width": "Units per hidden layer",
    "gv.steps": "Gradient-descent steps",
    "gv.steps_help": "Plain gradient descent on the same batch; the second curve shows the gradients after these steps.",
    "gv.lr": "Learning rate η",
    "gv.computing": "Computing the gradients of every layer… (the first time also loads TensorFlow: a few seconds)",
    "gv.ratio_init": "‖∂C/∂W¹‖ / ‖∂C/∂Wᴸ‖ at start",
    "gv.ratio_help": "The first layer's gradient divided by the output layer's: how much of the gradient reaches the input.",
    "gv.ratio_after": "The same ratio after {steps} steps",
    "gv.bound": "(1/4)ᴸ⁻¹ · sigmoid factor",
    "gv.bound_help": "The ratio a factor of 1/4 per layer (the largest σ') would give over this depth.",
    "gv.loss_change": "Loss over {steps} steps",
    "gv.diverged": "Gradient descent diverged at step {step} (the loss or a gradient is no longer a finite number). Lower the learning rate; only the curve at initialisation is shown.",
    "gv.series.init": "at initialisation",
    "gv.series.after": "after {steps} steps",
    "gv.series.bound": "×1/4 per layer (sigmoid bound)",
    "gv.norms_title": "Gradient size per layer ‖∂C/∂Wˡ‖ (log scale)",
    "gv.layer_axis": "layer l (1 = next to the input, L = output)",
    "gv.norm_axis": "‖∂C/∂Wˡ‖",
    "gv.layer": "layer",
    "gv.norm": "gradient norm",
    "gv.underflow": "Some gradients are exactly 0 (below what float32 can hold) and cannot be drawn on a log scale.",
    "gv.derivative_title.sigmoid": "Mean σ'(z) per hidden layer at start (dashed: 1/4)",
    "gv.derivative_title.tanh": "Mean tanh'(z) per hidden layer at start",
    "gv.derivative_title.relu": "Share of active units (mean ReLU'(z)) at start",
    "gv.hidden_axis": "hidden layer",
    "gv.derivative_axis": "mean f'(z)",
    "gv.loss": "loss",
    "gv.loss_title": "Cross-entropy on the batch per step",
    "gv.step_axis": "step",
    "gv.no_steps": "Set the number of steps above 0 to see the loss fall.",
    # --- end of catalogue (new page sections go above this line) ---
}
