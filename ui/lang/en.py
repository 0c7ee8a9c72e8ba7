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
    "error.asset": "Cannot use the bundled file `{file}`: {problem}. Expected sha256: `{sha256}`",
    "error.manifest": "The list of pretrained models (`{file}`) is missing or unreadable. Regenerate the models with `python scripts/train_pretrained.py`.",
    "model.loading": "Loading the pretrained model…",
    "data.choice": "Data set",
    "data.name.mnist": "MNIST",
    "data.name.fashion": "Fashion-MNIST",
    "data.class.fashion": "T-shirt/top|Trouser|Pullover|Dress|Coat|Sandal|Shirt|Sneaker|Bag|Ankle boot",
    "error.asset_missing": "the file is missing",
    "error.asset_altered": "its content has changed",
    # --- page titles ---
    "page.gradient_descent.title": "Gradient descent and the learning rate",
    "page.sigmoid_neuron.title": "Learning slowdown of a sigmoid neuron",
    "page.gradient_vanishing.title": "Vanishing gradients in depth",
    "page.maximum_likelihood.title": "The loss as maximum likelihood",
    "page.manifold_maps.title": "Four maps of the same images",
    "page.code_size.title": "Code size: PCA vs autoencoder",
    "page.interpolation.title": "Interpolation and neighbours on the manifold",
    "page.denoising.title": "Denoising autoencoder",
    "page.train_autoencoder.title": "Train your own autoencoder",
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
    # --- live training (ui/live_training.py), shared by the pages that train ---
    "train.start": "Train",
    "train.stop": "Stop",
    "train.stop_help": "Ends the run after the current epoch; the epochs already done are kept.",
    "train.none_yet": "No model trained in this session yet. Set the hyperparameters in the sidebar and press **Train**.",
    "train.preparing": "Preparing the model…",
    "train.waiting": "Another session is training right now; this run starts as soon as it finishes.",
    "train.progress": "Epoch {epoch} of {total} ({seconds} s)",
    "train.done": "Epochs trained: {epochs}, in {seconds} s.",
    "train.stopped": "Stopped after {epoch} of {total} epochs.",
    "train.diverged": "Training diverged at epoch {epoch}: the loss went above what predicting 0.5 for every pixel gives. Lower the learning rate and train again.",
    "train.chart_title": "Loss per epoch (binary cross-entropy per pixel)",
    "train.epoch_axis": "epoch",
    "train.loss_axis": "loss",
    "train.series.train": "your model, training",
    "train.series.test": "your model, test",
    "train.series.reference_train": "bundled model, training",
    "train.series.reference_test": "bundled model, test",
    # --- noise kinds (core/noise.py): the same technical names in both languages (they go into the URL) ---
    "noise.kind.gaussian": "Gaussian",
    "noise.kind.salt_pepper": "salt-and-pepper",
    "noise.kind.masking": "masking",
    # --- train your own autoencoder (pages/9_train_autoencoder.py) ---
    "tr.architecture": "Architecture",
    "tr.arch.mlp": "MLP",
    "tr.arch.conv": "CNN",
    "tr.code": "Code size d",
    "tr.code_help": "Number of units in the code layer: how many numbers each image is squeezed into.",
    "tr.lr": "Learning rate (Adam)",
    "tr.lr_help": "Adam's step size. From about 0.03 up the ReLUs die and the run diverges or gets stuck at the mean image.",
    "tr.epochs": "Epochs",
    "tr.noise": "Noise while training",
    "tr.level": "Noise level (0 = plain autoencoder)",
    "tr.level_help": "σ for Gaussian noise, the fraction of pixels hit for salt-and-pepper and masking. Above 0 the model is a denoising autoencoder: it sees corrupted images and must return the clean ones.",
    "tr.intro": "Train an autoencoder on the 8,000 training images with the settings in the sidebar. The run happens in your session only; the bundled models and other viewers are not affected. The test curve is measured on the 2,000 test images after every epoch.",
    "tr.explain": "**What to try.** Compare learning rates 0.0001, 0.001 and 0.1: too small crawls, too large kills the network (chapter 1's lesson, now on a real model). Shrink the code from 30 to 2 and watch the reconstructions lose detail. Add Gaussian noise (0.3–0.5) to make it a *denoising* autoencoder (Vincent et al., 2008): it must undo the corruption, so it learns features of digits rather than of single pixels. **Speed.** One epoch of the default MLP takes about a second on two CPU cores; the convolutional model is slower.",
    "tr.reference_note": "Dashed: the bundled model `{name}` trained with the same code size ({epochs} epochs, batch 64, decaying learning rate).",
    "tr.used": "This run: {dataset}, {architecture}, d = {code}, learning rate {lr}, {epochs} epochs, {noise}.",
    "tr.noise_used": "{kind} noise {level}",
    "tr.no_noise": "no noise",
    "tr.metric.mse": "Your test MSE per pixel",
    "tr.metric.bundled_mse": "Bundled model's test MSE",
    "tr.metric.denoised_psnr": "PSNR on noisy inputs (Gaussian σ = 0.4)",
    "tr.metric.denoised_psnr_help": "Mean PSNR of your model's outputs for test images with Gaussian noise σ = 0.4; the noisy inputs themselves score {noisy} dB.",
    "tr.row.original": "test images",
    "tr.row.corrupted": "corrupted inputs",
    "tr.row.yours": "your model's output",
    "tr.row.bundled": "bundled model {name}",
    # --- denoising autoencoder (pages/8_denoising.py) ---
    "dn.kind": "Noise type",
    "dn.level": "Noise level",
    "dn.level_help": "σ of the Gaussian noise (inputs clipped to [0, 1]); for salt-and-pepper and masking, the fraction of pixels hit.",
    "dn.first": "First test image shown",
    "dn.seed": "Noise draw",
    "dn.seed_help": "Seed of the random noise: another number gives another draw of the same kind and level.",
    "dn.intro": "Corrupt test digits, then give them to two autoencoders with the same architecture and code size (d = 30): one trained on clean images, one trained to undo Gaussian noise (σ = 0.4). A PCA projection onto 50 directions is the linear baseline. PSNR compares each picture with the clean digit: higher is better, +10 dB is a ten times smaller error.",
    "dn.explain": "**Why it works.** Clean digits lie on a thin manifold in the 784-dimensional pixel space; noise pushes an image off it. A denoising autoencoder (Vincent et al., 2008) is trained to map corrupted images back to the clean ones, so it learns where the manifold is and projects onto it. The plain autoencoder also reduces noise a little (its code is too small to keep it), but it was never shown noise. **What to look at.** Move the level: near 0 all models only lose a little detail; around σ = 0.4 the denoising model is several dB ahead; far beyond what it was trained on, every model fails. Try masking and salt-and-pepper: the Gaussian-trained model still helps, less. **Filters.** Each small square is one first-layer unit's weights over the 28×28 input (grey = 0). Training on noise makes them smoother and stroke-like: a unit cannot rely on single pixels that may be corrupted.",
    "dn.row.clean": "clean test images",
    "dn.row.with_psnr": "{row} · mean PSNR {psnr} dB",
    "dn.series.corrupted": "corrupted input",
    "dn.series.plain": "plain autoencoder",
    "dn.series.denoising": "denoising autoencoder",
    "dn.series.pca": "PCA, 50 directions",
    "dn.table_caption": "PSNR per image (dB), one column per test image shown above",
    "dn.computing": "Measuring PSNR over the noise levels…",
    "dn.curve_title": "Mean PSNR against noise level, {kind} noise (500 test images)",
    "dn.level_axis": "noise level",
    "dn.psnr_axis": "PSNR (dB)",
    "dn.filters_title": "First-layer filters",
    "dn.filters_intro": "The input weights of the first 32 hidden units of each encoder, drawn as images (bright: excites the unit, dark: inhibits it).",
    "dn.upload_title": "Your own digit",
    "dn.upload": "Upload a picture of a digit (PNG or JPEG, up to 5 MB)",
    "dn.upload_help": "Dark ink on light paper or the other way round; the picture is turned into a 28×28 digit as MNIST does it (grey, cropped, scaled to 20 pixels, centred by its centre of mass), then corrupted with the noise set in the sidebar.",
    "dn.upload_row": "your digit · corrupted {corrupted} dB · plain {plain} dB · denoising {denoising} dB · PCA {pca} dB",
    "dn.upload_error.empty": "The file is empty.",
    "dn.upload_error.too_large": "The file has {size_mb} MB; the limit is {limit_mb} MB.",
    "dn.upload_error.not_an_image": "This is not a PNG or JPEG image (checked by its content, not its name). Allowed: {allowed}.",
    "dn.upload_error.too_many_pixels": "The image declares {megapixels} megapixels; the limit is {limit_megapixels}. It was not decoded.",
    "dn.upload_error.unreadable": "The {format} file is damaged or cut short and cannot be read.",
    "dn.upload_error.blank": "No digit found: the picture has almost no contrast.",
    # --- code size page (pages/6_code_size.py) ---
    "cs.code_size": "Code size d",
    "cs.code_size_help": "How many numbers an image (784 pixels) is squeezed into: d principal components for PCA, a d-dimensional code for the autoencoder.",
    "cs.first": "First test image shown",
    "cs.first_help": "Ten test images from this number on, shown as originals, PCA reconstructions and autoencoder reconstructions.",
    "cs.intro": "The same test images, squeezed into the same number d of values and rebuilt. PCA projects onto a flat d-dimensional subspace; the autoencoder follows a curved manifold. The smaller the reconstruction error (mean squared error per pixel, MSE), the more of the image the d numbers kept.",
    "cs.explain": "- **The comparison** — a small-scale rerun of Hinton & Salakhutdinov (Science, 2006): at the same code size, which of PCA and an autoencoder rebuilds test images better? Both were made from the 8,000 training images only; the figures in the table and the chart are averages over all 2,000 test images, which neither has seen.\n- **PCA** — project onto the d directions of largest variance in the training data (the principal components W_d) and back. Encoder and decoder are both linear, and no linear method has a smaller squared error (the Eckart–Young theorem).\n- **Autoencoder** — encoder f and decoder g are nonlinear, with ReLU hidden layers (256 and 128 units, plus 64 for d ≤ 5) around a d-dimensional code. It was trained with the cross-entropy loss, reading pixel values as Bernoulli probabilities (chapter 1's maximum-likelihood view), but both methods are compared with the same MSE.\n- **Ratio AE/PCA** — below 1, the autoencoder gets that much less error out of the same d numbers: a curved manifold follows the data more closely than a flat subspace, which is why one bothers with nonlinear dimensionality reduction.\n- **A linear autoencoder is PCA** — without activation functions and trained on squared error, an autoencoder finds the same subspace as PCA (chapter 3). Whatever it gains over PCA comes from the nonlinearity alone.\n- **What to look at** — the smaller d, the more PCA's reconstructions turn into blurred blends of several digits, while the autoencoder keeps which digit it is for longer, even as its strokes soften. In MNIST's default view (d = 5) most of PCA's reconstructions are hard to read and all of the autoencoder's are readable; at d = 2 the autoencoder starts to swap digits too (a 7 comes back as a 5, a 5 as an 8). Both errors fall as d grows.",
    "cs.computing": "Rebuilding 2,000 test images with PCA and four autoencoders… (the first time also loads TensorFlow)",
    "cs.metric.pca": "PCA test MSE (d = {d})",
    "cs.metric.ae": "Autoencoder test MSE (d = {d})",
    "cs.metric.ratio": "Ratio AE / PCA (d = {d})",
    "cs.ratio_help": "The autoencoder's error divided by PCA's. 0.5 means the autoencoder's error is half of PCA's.",
    "cs.series.pca": "PCA",
    "cs.series.ae": "Autoencoder",
    "cs.col.d": "Code size d",
    "cs.col.pca": "PCA MSE",
    "cs.col.ae": "Autoencoder MSE",
    "cs.col.ratio": "Ratio AE/PCA",
    "cs.table_title": "Reconstruction error per code size",
    "cs.table_caption": "Mean squared error per pixel (pixel values 0–1) over all {count} test images. The autoencoder's figures are the ones recorded in the list of pretrained models (the manifest).",
    "cs.chart_title": "Reconstruction error against code size (log axes; dashed: the chosen d)",
    "cs.axis.d": "code size d",
    "cs.axis.mse": "test MSE (per pixel)",
    "cs.rows_title": "Reconstructions at d = {d}: test images {first}–{last}",
    "cs.row.original": "Originals ({labels})",
    "cs.row.rebuilt": "{method} reconstructions · MSE on these 10: {mse:.4f}",
    # --- interpolation page (pages/7_interpolation.py) ---
    "ip.start": "Start image a (test number)",
    "ip.end": "End image b (test number)",
    "ip.index_help": "Which of the 2,000 test images. The same number points to a different image in the other data set.",
    "ip.steps": "Interpolation steps",
    "ip.code_size": "Code size d (PCA and autoencoder)",
    "ip.code_size_help": "The number of principal components and the dimension of the autoencoder's code. The code distance of the neighbour search below uses this autoencoder's codes too.",
    "ip.swap": "Swap a ↔ b",
    "ip.random": "Random pair of two classes",
    "ip.intro": "Two test images a and b joined by a straight line in three spaces, with the points along each line shown as images. The midpoint in pixel space is the two images laid over each other, half transparent: not a digit. The line through the autoencoder's code space, once decoded, turns a into b while staying digit-shaped.",
    "ip.explain": "- **Pixel space** — the two images mixed in the proportion (1 − t) : t. A straight line in the 784-dimensional space, with a ghostly double exposure in the middle: the data manifold does not lie along it.\n- **PCA space** — mix the two images' principal coordinates z and decode. The decoder is linear (affine), so this is the same as mixing the two PCA reconstructions (apart from clipping to 0–1): blurrier, still a double exposure.\n- **Autoencoder code space** — mix the two codes the encoder gives, and send every code on the line through the decoder in one batch. The decoder is nonlinear, so a straight line in code space becomes a path in image space that bends along the manifold.\n- **Two rulers** — δ is the Euclidean distance from an image on the path to its nearest training image. It needs no model, but it is a pixel distance itself, so a faint overlay of two digits often comes out fairly close to some training image. ε is how much a trained autoencoder (d = 30) changes the image when it rebuilds it: an image on its manifold comes back almost unchanged, an image off it is pulled towards it and changes a lot (the view of chapter 3's denoising autoencoder). ε favours the smooth images autoencoders make, and at d = 30 the autoencoder path is scored by the very model that made it. The dashed lines are the medians of real test images.\n- **Neighbours** — the 8 test images closest to the start image, by pixel distance and by code distance, and how many of them share its class. On MNIST with d = 10 or more, the code distance compares d numbers instead of 784 and still finds the same class about as often as the pixel distance, or slightly more often; at d = 2 the classes mix.\n- **What to look at** — with the defaults (MNIST's 0 → 6, d = 10), δ and ε of the pixel path both rise in the middle, and on the autoencoder path the 0 grows a hook and becomes a 6. At d = 30 the ends are rebuilt better, but the midpoint of two distant codes sometimes decodes to a shape that is no digit: a plain autoencoder's code space has empty regions with no data behind them, the starting point of chapter 4's variational autoencoder.",
    "ip.computing": "Decoding the paths and measuring distances to the 8,000 training images… (the first time also loads TensorFlow)",
    "ip.paths_title": "{start} → {end}, d = {d}",
    "ip.path.pixel": "Pixel space",
    "ip.path.pca": "PCA space",
    "ip.path.autoencoder": "Autoencoder code space",
    "ip.strip_caption": "{path} · middle image: δ = {distance:.2f}, ε = {change:.4f}",
    "ip.metric.middle": "{path}: δ of the middle image",
    "ip.metric_help": "Euclidean distance δ from the middle image to its nearest training image. Smaller is closer to real data.",
    "ip.chart.distance": "δ: distance to the nearest training image",
    "ip.chart.change": "ε: how much an autoencoder (d = 30) changes the image",
    "ip.axis.distance": "δ (Euclidean distance)",
    "ip.axis.change": "ε (MSE per pixel)",
    "ip.typical": "median of real test images",
    "ip.rulers_caption": "Dashed: the median over the 2,000 real test images (δ = {distance:.2f}, ε = {change:.4f}). The ends of the pixel path are the original images; the ends of the PCA and autoencoder paths are their reconstructions.",
    "ip.neighbours_title": "The 8 nearest neighbours of the start image (test {index}, {label})",
    "ip.same_label.pixel": "Same class among pixel-distance neighbours",
    "ip.same_label.code": "Same class among code-distance (d = {d}) neighbours",
    "ip.labels": "Classes: {labels}",
    # --- manifold maps page (pages/5_manifold_maps.py) ---
    "mm.intro": (
        "**The manifold hypothesis**: images of 28×28 = 784 pixels are not spread evenly through "
        "784-dimensional space; they gather near a curved surface of far fewer dimensions inside it "
        "(a manifold). If so, each image can be squeezed into two numbers and drawn as a point in a plane. "
        "The four maps below place the same {count} test images in 2-D in four different ways. The colour "
        "is the label, but none of the four methods saw the labels.\n\n"
        "- **PCA**: a straight projection onto the two directions of largest variance (linear dimensionality "
        "reduction). It keeps the global spread of the data.\n"
        "- **Autoencoder**: a learned nonlinear encoder makes the two numbers, and a decoder turns them back into an image.\n"
        "- **t-SNE**: keeps close neighbours close and cares about little else. It has no decoder, and the "
        "distances between clusters mean little.\n"
        "- **Isomap**: keeps, as far as a plane allows, the distances measured along a neighbour graph (geodesic distances)."
    ),
    "mm.explain": (
        "**PCA** subtracts the training mean μ and projects onto the two orthogonal directions of largest "
        "variance (the rows of W₂). The way back is linear too (x̂ = μ + W₂ᵀz), so a curved manifold cannot be "
        "unrolled; it is pressed flat onto the plane. Digits of similar shape (3, 5 and 8, or 4 and 9) and similar "
        "garments (shirt, T-shirt, pullover, coat) land on top of each other.\n\n"
        "The **autoencoder** is an encoder 784 → 256 → 128 → 64 → 2 and a mirror-image decoder, trained together "
        "to make the reconstruction error small (no labels). Being nonlinear, it can follow a curved manifold and "
        "separates the classes better than PCA with the same two numbers. Because it has a decoder, any point "
        "of its map can be turned into an image (the next pages).\n\n"
        "**t-SNE** lowers the KL divergence between P, which is large for pairs that are close in the original "
        "space, and the matching Q on the map. It works hard on close neighbours, so clusters come out crisp, but "
        "the size of a cluster and the gaps between clusters mean little. It has neither an encoder nor a decoder: "
        "placing one new image means computing the whole map again.\n\n"
        "**Isomap** links every image to its 10 nearest ones, estimates distances along the manifold (geodesic "
        "distances) as shortest paths in that graph, and lays the points out to keep those distances (classical "
        "MDS). It tries to keep the global shape, but a shortcut edge between two classes joins them. For speed, "
        "t-SNE and Isomap first reduce the images to 50 dimensions with PCA.\n\n"
        "**Reading the maps**: the figures above are the share of each point's 5 nearest neighbours that carry "
        "its label. Measured in the 784-pixel space it is fairly high; in PCA's two dimensions it drops a lot. "
        "That is what a linear projection loses when it keeps only two numbers. The highest figure, usually "
        "t-SNE's, does not make it the best representation: it is a layout for a picture, which can neither place "
        "new data nor turn a point back into an image."
    ),
    "mm.class": "Class to highlight",
    "mm.class_help": "Colour one class only and draw the rest in grey. Numbers: {classes}",
    "mm.class_caption": "{label} = {name}: only this class is in colour.",
    "mm.index": "Selected image number",
    "mm.index_help": "Which test image, counting from 0. Clicking a point on a map changes it too.",
    "mm.computing": "Making the four maps of {count} test images… t-SNE and Isomap are computed once per server and data set.",
    "mm.method.pca": "PCA",
    "mm.method.autoencoder": "Autoencoder (2-D code)",
    "mm.method.tsne": "t-SNE",
    "mm.method.isomap": "Isomap",
    "mm.agreement_title": "How well each map keeps classes together: label agreement of {k} neighbours (all {count} images)",
    "mm.agreement_help": "For each point, the share of its {k} nearest points on the map that have its label, averaged over all {count} images. 1 means every neighbourhood is a single class; points scattered at random give about 0.1.",
    "mm.agreement_caption": "For comparison, the same figure in the 784-pixel space is {pixels}. The first time on this server, t-SNE took {tsne} s and Isomap {isomap} s; since then the stored result is used. PCA and the autoencoder place a new image at once, while t-SNE and Isomap must start over when a single image is added.",
    "mm.legend": "Label",
    "mm.tooltip.label": "Label",
    "mm.tooltip.index": "Number",
    "mm.chart_caption": "Click a point to select that image. Thick ring: the selected image (the same image in all four maps); thin rings: its {k} nearest images in that map. Each map is shifted and scaled by one factor so its longer side spans [−1, 1], which leaves every neighbour unchanged. The axes of t-SNE and Isomap have no meaningful direction or unit, so the ticks are left out.",
    "mm.selected_title": "Selected image: number {index} · label {name}",
    "mm.selected_note": "Below, for each map, the {k} images nearest to this one (by 2-D distance on the map); the figure above each row counts how many of them share its label. A good map keeps images of the same class close together. In PCA, other classes of similar shape creep in easily. Click another point or change the number in the sidebar.",
    "mm.same_label_help": "How many of the {k} images nearest on the map share the selected image's label.",
    # --- end of catalogue (new page sections go above this line) ---
}
