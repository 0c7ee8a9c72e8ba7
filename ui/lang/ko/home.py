"""Korean strings of the home page (streamlit_app.py); its introduction is markdown/home.intro.md."""

STRINGS = {
    "home.title": "강의 지도",
    "home.planned": "준비 중",
    "home.keywords": "오토인코더를 설명하는 네 가지 키워드",
    "home.kw.unsupervised": "비지도 학습",
    "home.kw.unsupervised_body": "정답 레이블 없이 입력 자신을 정답으로 삼아 학습합니다. **학습 방법**에 해당합니다.",
    "home.kw.manifold": "매니폴드 학습",
    "home.kw.manifold_body": "인코더는 입력을 저차원 코드로 보내는 비선형 차원 축소입니다. **인코더**에 해당합니다.",
    "home.kw.generative": "생성 모델 학습",
    "home.kw.generative_body": "디코더는 코드에서 데이터를 만들어 내는 생성 모델입니다. **디코더**에 해당합니다.",
    "home.kw.ml": "최대 우도 밀도 추정",
    "home.kw.ml_body": "손실은 음의 로그 우도로 읽을 수 있습니다(VAE에서 분명해집니다). **손실 함수**에 해당합니다.",
    "home.diagram": "입력 x → 인코더 → 코드 z → 디코더 → 재구성 x̂, 그리고 x와 x̂를 비교하는 손실",
    "home.diagram.input": "입력 x",
    "home.diagram.encoder": "인코더\\n(매니폴드 학습)",
    "home.diagram.code": "코드 z",
    "home.diagram.decoder": "디코더\\n(생성 모델)",
    "home.diagram.output": "재구성 x̂",
    "home.diagram.loss": "손실 −log p(x | x̂)\\n(최대 우도)",
    "home.diagram.unsupervised": "정답 = 입력 (비지도)",
    "home.chapters": "강의 순서",
}
