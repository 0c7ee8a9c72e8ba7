"""Korean strings of chapter 5: its title and summary, then each page's strings.

A page's introduction and explanation are markdown/<page id>.intro.md and .explain.md."""

STRINGS = {
    "ch5.title": "5장 · 생성적 적대 신경망",
    "ch5.summary": "판별자와 생성자의 미니맥스 게임, 모드 붕괴, VAE와 GAN 비교.",
}
