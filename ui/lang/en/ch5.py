"""English strings of chapter 5: its title and summary, then each page's strings.

A page's introduction and explanation are markdown/<page id>.intro.md and .explain.md."""

STRINGS = {
    "ch5.title": "5 · Generative adversarial networks",
    "ch5.summary": "The minimax game of discriminator and generator, mode collapse, VAE vs GAN.",
}
