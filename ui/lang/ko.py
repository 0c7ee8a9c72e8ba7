"""Korean strings (the default language). Every key here also exists in en.py."""

STRINGS = {
    # --- app frame ---
    "app.title": "오토인코더의 모든 것",
    "frame.presenter": "발표 모드",
    "frame.presenter_help": "프로젝터용 큰 글씨와 차트, 설명은 접어 둡니다.",
    "frame.explanation": "설명",
    "frame.reset": "강의 기본값으로",
    "frame.reset_help": "이 페이지의 모든 조절값을 강의에서 쓴 설정으로 되돌립니다.",
    "frame.equations": "수식",
    "error.asset": "데이터 파일 `{file}`을(를) 쓸 수 없습니다: {problem}. 기대한 sha256: `{sha256}`",
    "error.asset_missing": "파일이 없습니다",
    "error.asset_altered": "내용이 바뀌었습니다",
    # --- page titles ---
    "page.gradient_descent.title": "경사 하강법과 학습률",
    "page.sigmoid_neuron.title": "시그모이드 뉴런의 느린 학습",
    "page.gradient_vanishing.title": "깊은 망의 기울기 소실",
    "page.maximum_likelihood.title": "최대 우도로 본 손실 함수",
    # --- chapters ---
    "chapter.ch1.title": "1장 · 심층 신경망 다시 보기",
    "chapter.ch2.title": "2장 · 매니폴드 학습",
    "chapter.ch3.title": "3장 · 오토인코더",
    "chapter.ch4.title": "4장 · 변분 오토인코더",
    "chapter.ch5.title": "5장 · 생성적 적대 신경망",
    "chapter.ch1.summary": "손실 함수를 두 관점(역전파, 최대 우도)으로 읽습니다. "
                           "경사 하강법, 시그모이드 뉴런의 느린 학습, 기울기 소실.",
    "chapter.ch2.summary": "고차원 데이터는 저차원 매니폴드 근처에 모여 있다는 가정. "
                           "PCA와 비선형 차원 축소(오토인코더, t-SNE, Isomap).",
    "chapter.ch3.summary": "부족완전 오토인코더, 적층 오토인코더, 잡음 제거 오토인코더.",
    "chapter.ch4.summary": "ELBO = 재구성 + KL, 재매개변수화, CVAE, AAE.",
    "chapter.ch5.summary": "판별자와 생성자의 미니맥스 게임, 모드 붕괴, VAE와 GAN 비교.",
    "home.planned": "준비 중",
    # --- home page ---
    "page.home.title": "강의 지도",
    "home.intro": "이활석 님의 2017년 강의 **「오토인코더의 모든 것」**을 따라가는 인터랙티브 "
                  "동반자입니다. 왼쪽 메뉴에서 장을 고르고, 슬라이더를 움직이면 그림이 바로 바뀝니다. "
                  "모든 데이터와 모델은 앱에 들어 있어 네트워크 없이 동작합니다.",
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
    # --- sigmoid neuron page (pages/2_sigmoid_neuron.py) ---
    "neuron.intro": "입력 1을 받아 0을 내도록 배우는 시그모이드 뉴런 하나. 같은 학습률로 두 초깃값에서 출발해, 제곱 오차와 교차 엔트로피가 얼마나 빨리 배우는지 비교합니다.",
    "neuron.explain": (
        "**역전파 관점.** 제곱 오차(MSE)의 기울기에는 활성 함수의 미분 σ'(z)가 곱해집니다. "
        "σ'(z)는 최대 1/4이고, 뉴런이 포화되면(w = b = 2에서 출발하면 a ≈ 0.98) 거의 0이 됩니다. "
        "그래서 **가장 크게 틀렸을 때 가장 느리게** 배웁니다: 출력이 150 에포크 가까이 0.93 근처에 머뭅니다.\n\n"
        "**교차 엔트로피**는 미분에서 σ'(z)가 약분되어 ∂C/∂z = a − y 가 됩니다. "
        "틀린 만큼 크게 움직이므로 초깃값에 덜 민감합니다. 층이 깊어지면 σ'(z) ≤ 1/4가 층마다 곱해지는데, "
        "이것이 다음 페이지의 기울기 소실입니다."
    ),
    "neuron.preset.good": "초깃값 (w, b) = (0.6, 0.9)",
    "neuron.preset.saturated": "초깃값 (w, b) = (2, 2) · 포화",
    "neuron.presets": "강의의 두 초깃값",
    "neuron.w0": "초기 가중치 w",
    "neuron.b0": "초기 편향 b",
    "neuron.lr": "학습률 η",
    "neuron.epochs": "에포크 수",
    "neuron.loss.quadratic": "제곱 오차 (MSE)",
    "neuron.loss.cross_entropy": "교차 엔트로피",
    "neuron.final_output": "최종 출력 a",
    "neuron.final_cost": "최종 비용 C",
    "neuron.start_output": "시작 출력 {value:.3f}",
    "neuron.epoch": "에포크",
    "neuron.value": "값",
    "neuron.series.output": "출력 a",
    "neuron.series.cost": "비용 C",
    "neuron.curve_title": "{loss}: 에포크별 출력과 비용",
    "neuron.sigma_title": "σ(z)와 σ'(z) (σ' ≤ 1/4), 시작과 끝의 z",
    "neuron.sigma": "σ(z)",
    "neuron.sigma_prime": "σ'(z)",
    "neuron.marker": "표시",
    "neuron.marker.start": "시작 z",
    "neuron.marker.end": "끝 z · {loss}",
    "neuron.surface_title": "{loss}: (w, b) 비용 지형과 경사 하강 경로",
    "neuron.cost": "비용",
    "neuron.slow_note": "출력이 처음 0.5 아래로 내려간 에포크: {epoch}",
    "neuron.never_below": "출력이 {epochs} 에포크 안에 0.5 아래로 내려가지 않았습니다",
    # --- end of catalogue (new page sections go above this line) ---
}
