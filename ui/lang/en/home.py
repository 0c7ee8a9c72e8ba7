"""English strings of the home page (streamlit_app.py); its introduction is markdown/home.intro.md."""

STRINGS = {
    "home.title": "Lecture map",
    "home.planned": "coming",
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
}
