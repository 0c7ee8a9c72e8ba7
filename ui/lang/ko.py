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
    "error.asset": "번들 파일 `{file}`을(를) 쓸 수 없습니다: {problem}. 기대한 sha256: `{sha256}`",
    "error.manifest": "사전 학습 모델 목록(`{file}`)이 없거나 읽을 수 없습니다. `python scripts/train_pretrained.py`로 모델을 다시 만드세요.",
    "model.loading": "사전 학습된 모델을 불러오는 중…",
    "data.choice": "데이터셋",
    "data.name.mnist": "MNIST",
    "data.name.fashion": "Fashion-MNIST",
    "data.class.fashion": "티셔츠/탑|바지|풀오버|드레스|코트|샌들|셔츠|스니커즈|가방|앵클 부츠",
    "error.asset_missing": "파일이 없습니다",
    "error.asset_altered": "내용이 바뀌었습니다",
    # --- page titles ---
    "page.gradient_descent.title": "경사 하강법과 학습률",
    "page.sigmoid_neuron.title": "시그모이드 뉴런의 느린 학습",
    "page.gradient_vanishing.title": "깊은 망의 기울기 소실",
    "page.maximum_likelihood.title": "최대 우도로 본 손실 함수",
    "page.manifold_maps.title": "같은 이미지의 네 가지 지도",
    "page.code_size.title": "코드 크기: PCA 대 오토인코더",
    "page.interpolation.title": "매니폴드 위의 보간과 이웃",
    "page.denoising.title": "디노이징 오토인코더",
    "page.train_autoencoder.title": "오토인코더 직접 학습하기",
    # --- data source (ui/loaders.py) ---
    "data.full_mnist": "전체 MNIST 7만 장 사용",
    "data.full_mnist_help": "처음 한 번 인터넷에서 내려받습니다(약 11 MB). 끄면 앱에 들어 있는 1만 장을 씁니다.",
    "data.downloading": "전체 MNIST를 내려받는 중…",
    "data.full_mnist_offline": "전체 MNIST를 내려받을 수 없습니다(네트워크 없음). 앱에 들어 있는 1만 장으로 계속합니다.",
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
    "home.intro": "이활석 님의 2017년 강의 「**오토인코더의 모든 것**」을 따라가는 인터랙티브 "
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
    # --- maximum likelihood page (pages/4_maximum_likelihood.py) ---
    "ml.intro": "네트워크 출력 $f_\\theta(x)$를 숫자 하나가 아니라 **정답 y의 확률 분포 $p(y \\mid f_\\theta(x))$를 정하는 모수**로 읽어 봅니다. 그러면 손실 함수는 음의 로그 우도 $-\\log p(y \\mid f_\\theta(x))$이고, 출력 분포를 가우시안으로 두면 MSE, 베르누이로 두면 교차 엔트로피가 됩니다. 분포를 배웠으니 같은 입력에서 여러 출력을 뽑을 수도 있습니다.",
    "ml.explain": (
        "**최대 우도 관점.** 역전파 관점에서는 출력이 정답에 가까워지기를 바랐습니다. 같은 바람을 확률로 말하면, "
        "출력이 정해 준 분포 $p(y \\mid f_\\theta(x))$ 아래에서 **학습 데이터의 정답이 나올 확률(우도)이 크기를** 바라는 것입니다. "
        "학습은 이 우도를 가장 크게 만드는 θ를 찾는 최대 우도 추정이 됩니다.\n\n"
        "**왜 −log인가.** 샘플이 서로 독립이면 전체 우도는 샘플별 확률의 곱입니다. 로그를 씌우면 곱이 **샘플별 손실의 합**으로 바뀌어, "
        "미니 배치마다 기울기를 더해 가는 역전파와 맞아떨어집니다. 앞의 음수 부호는 확률이 커질수록 손실이 작아지게 합니다.\n\n"
        "**가우시안 → MSE.** σ를 고정하고 출력을 평균으로 두면 샘플 하나의 −log p는 (y − f)²/(2σ²)에 상수 log(σ√2π)를 더한 값입니다. "
        "N개를 더하면 N·MSE/(2σ²) + N·log(σ√2π): MSE에 양수를 곱하고 상수를 더했을 뿐이라, 손실을 가장 작게 하는 직선은 σ와 상관없이 "
        "MSE를 가장 작게 하는 직선과 같습니다. σ 슬라이더를 움직이면 손실 값은 달라지지만 가장 좋은 직선은 그대로입니다. "
        "σ가 작으면 밀도가 1보다 커져 −log p가 음수가 되기도 하는데, 확률이 아니라 밀도이기 때문입니다.\n\n"
        "**베르누이 → 교차 엔트로피.** 출력 p를 'y = 1일 확률'로 두면 −log p(y | p) = −[y log p + (1 − y) log(1 − p)], "
        "곧 이진 교차 엔트로피입니다. 그래서 연속값 정답에는 MSE가, 0/1 정답에는 교차 엔트로피가 자연스러운 선택입니다.\n\n"
        "**고정 입력 → 다른 출력.** 값 하나가 아니라 분포를 배웠으므로, 입력 x₀를 고정해도 뽑을 때마다 다른 출력이 나옵니다. "
        "많이 뽑을수록 히스토그램과 빈도가 모델의 분포에 다가갑니다. 코드 하나에서 여러 결과를 만들어야 하는 생성 모델, "
        "예컨대 VAE의 디코더가 바로 이 성질을 이용합니다."
    ),
    "ml.point": "데이터 점 i (입력 x₀ = xᵢ)",
    "ml.point_help": "우도를 들여다보고 표본을 뽑을 입력을 고릅니다. 회귀와 분류가 같은 입력 xᵢ를 씁니다.",
    "ml.gaussian": "가우시안 출력 → MSE (회귀)",
    "ml.bernoulli": "베르누이 출력 → 교차 엔트로피 (분류)",
    "ml.sampling": "표본 뽑기: 고정 입력 → 다른 출력",
    "ml.slope": "기울기 a  (f(x) = a·x + b)",
    "ml.intercept": "절편 b",
    "ml.sigma": "표준편차 σ (고정)",
    "ml.weight": "가중치 w  (p(x) = sigmoid(w·x + c))",
    "ml.bias": "편향 c",
    "ml.sample": "표본 {count}개 더 뽑기",
    "ml.sample_help": "선택한 입력 x₀는 그대로 두고, 두 모델이 내놓은 분포에서 새 출력을 뽑아 쌓습니다.",
    "ml.clear": "표본 지우기",
    "ml.x": "입력 x",
    "ml.y": "목표 y",
    "ml.label_axis": "레이블 y, 확률 p(y = 1 | x)",
    "ml.density": "확률 밀도",
    "ml.probability": "확률",
    "ml.target": "정답 y₀",
    "ml.mean": "평균 f(x₀)",
    "ml.outcome": "출력 y",
    "ml.source.model": "모델의 확률",
    "ml.source.draws": "뽑은 표본의 빈도",
    "ml.data_title": "데이터와 모델 f(x) = a·x + b, 띠는 f(x) ± 2σ",
    "ml.density_title": "x₀ = {x0:.2f}에서 예측한 분포 p(y | f(x₀))",
    "ml.density_target": "정답 y₀ = {y0:.2f} (빨간 선)",
    "ml.density_nll": "−log p(y₀ | f(x₀)) = {nll:.3f}",
    "ml.logistic_title": "데이터와 모델 p(x) = sigmoid(w·x + c)",
    "ml.bars_title": "x₀ = {x0:.2f}에서 예측한 베르누이 분포",
    "ml.bars_target": "정답 y₀ = {label} (빨간 테두리)",
    "ml.bars_nll": "−log p(y₀ | p) = {nll:.3f}",
    "ml.metric.gaussian_nll": "Σ −log p(yᵢ | f(xᵢ))",
    "ml.metric.gaussian_loss": "MSE",
    "ml.metric.gaussian_from_loss": "N·MSE/(2σ²) + N·log(σ√2π)",
    "ml.metric.bernoulli_nll": "Σ −log p(yᵢ | pᵢ)",
    "ml.metric.bernoulli_loss": "교차 엔트로피 CE (평균)",
    "ml.metric.bernoulli_from_loss": "N·CE",
    "ml.identity": "N = {count}. 첫째 값(음의 로그 우도의 합)과 셋째 값(손실에서 다시 계산한 값)의 차이: {difference:.1e}. 부동소수점 오차 수준으로 같습니다.",
    "ml.best_line": "MSE를 가장 작게 하는, 곧 우도를 가장 크게 하는 직선: a = {slope:.3f}, b = {intercept:.3f} (σ와 무관). 지금 직선에서 우도를 가장 크게 하는 σ는 √MSE = {sigma:.3f}입니다.",
    "ml.best_logistic": "교차 엔트로피를 가장 작게 하는, 곧 우도를 가장 크게 하는 모수: w = {weight:.3f}, c = {bias:.3f}.",
    "ml.sampling_intro": "입력은 x₀ = {x0:.2f}로 고정입니다. 이 입력에서 회귀 모델은 N(f(x₀) = {mean:.3f}, σ² = {sigma:.2f}²)를, 분류 모델은 p = {p:.3f}인 베르누이 분포를 내놓습니다. 버튼을 누를 때마다 이 분포에서 새 출력이 뽑혀 위의 두 그림(히스토그램, 회색 막대)에 쌓입니다.",
    "ml.draws_none": "아직 뽑은 표본이 없습니다. 사이드바의 표본 뽑기 버튼을 눌러 보세요.",
    "ml.metric.draws": "표본 수",
    "ml.metric.sample_mean": "평균 (가우시안)",
    "ml.metric.sample_std": "표준편차 (가우시안)",
    "ml.metric.fraction": "1의 비율 (베르누이)",
    "ml.draws_latest": "같은 입력에서 마지막으로 뽑은 출력 · 가우시안: {gaussian} · 베르누이: {bernoulli}",
    # --- gradient descent page (pages/1_gradient_descent.py) ---
    "gd.intro": "손실 함수를 지금의 파라미터 근처에서 1차 테일러 전개로 근사하면, 기울기의 반대 방향으로 조금 움직일 때 손실이 줄어든다는 결론이 나옵니다. 이것이 경사 하강법입니다. 그런데 이 근사는 가까운 곳에서만 맞으므로 학습률이 작아야 합니다. 학습률을 바꿔 가며 느린 수렴, 빠른 수렴, 진동, 발산을 차례로 확인해 보세요.",
    "gd.explain": (
        "**왜 기울기의 반대 방향인가.** 1차 테일러 전개에 Δθ = −η∇L을 넣으면 ΔL ≈ −η‖∇L‖²이고, 이 값은 0보다 클 수 없습니다. "
        "그래서 한 걸음마다 손실이 줄어들 것이라고 *예측*할 수 있습니다.\n\n"
        "**왜 학습률이 작아야 하는가.** 예측에서 버린 2차 이상의 항은 대략 ½ L''(θ) Δθ²로, 걸음 크기의 제곱에 비례해 커집니다. "
        "걸음이 짧으면 무시해도 되지만 길면 예측과 실제가 크게 어긋납니다. 첫 그림의 주황색 띠는 1차 예측의 상대 오차가 10 %보다 작은 범위입니다. "
        "걸음이 띠를 벗어나면 그 예측은 믿을 수 없습니다.\n\n"
        "**네 가지 모습.** 곡률이 λ인 골짜기에서 한 걸음은 최소점까지의 거리에 (1 − ηλ)를 곱합니다. "
        "η < 1/λ이면 한쪽에서 다가가고(η가 너무 작으면 아주 느리게), 1/λ < η < 2/λ이면 최소점을 넘나들며 진동하고, η > 2/λ이면 점점 멀어져 발산합니다. "
        "두 번째 그림의 길쭉한 그릇은 방향마다 곡률이 달라서, 가파른 방향(λ = 4)이 쓸 수 있는 학습률의 상한을 정하고 완만한 방향(λ = 1)이 수렴 속도를 정합니다.\n\n"
        "**미니배치.** 전체 손실은 샘플별 손실의 평균이므로 그 기울기도 샘플별 기울기의 평균입니다. 데이터가 많으면 매번 전체를 계산할 수 없어, 무작위로 고른 M개의 평균으로 대신합니다. "
        "이 배치 기울기는 전체 기울기를 추정한 값이며, 한 에포크 동안의 배치 기울기를 평균하면 정확히 전체 기울기가 됩니다. "
        "배치가 작을수록, 그리고 최소점에 가까워 전체 기울기가 작아질수록 추정은 더 많이 흔들립니다."
    ),
    "gd.presets": "강의 설정에서 네 가지 학습률",
    "gd.preset": "{regime} · η = {lr:g}",
    "gd.regime.slow": "느린 수렴",
    "gd.regime.fast": "빠른 수렴",
    "gd.regime.oscillating": "진동",
    "gd.regime.diverged": "발산",
    "gd.lr": "학습률 η (로그 눈금)",
    "gd.lr_help": "세 그림(1차원 손실, 그릇, 회귀)에 같은 학습률을 씁니다.",
    "gd.steps": "걸음 수",
    "gd.start": "1차원 손실의 시작점 θ₀",
    "gd.inspect": "살펴볼 걸음 k",
    "gd.inspect_help": "첫 그림에서는 k번째 점의 접선과 다음 걸음의 예측·실제 손실을, 회귀 그림에서는 k번째 점에서 배치 기울기의 코사인 분포를 보여 줍니다. 경로가 그보다 짧으면 마지막 점을 씁니다.",
    "gd.batch": "미니배치 크기 M",
    "gd.seed": "배치를 섞는 시드",
    "gd.regime": "판정",
    "gd.regime_help": "발산: 시작할 때보다 최소점에서 10배 넘게 멀어짐. 진동: 눈에 띄는 크기의 걸음이 세 번 이상 방향을 되돌림. 빠른 수렴: 최솟값과의 손실 차이가 처음의 0.1 % 아래로 내려감. 느린 수렴: 주어진 걸음 수 안에 그러지 못함.",
    "gd.diverged": "{step}번째 걸음에서 발산했습니다. 그 앞의 점들만 그립니다.",
    "gd.converged": "{step}번째 걸음에서 최솟값과의 차이가 처음의 0.1 % 안으로 들어왔습니다.",
    "gd.not_converged": "{steps}걸음이 지나도 최솟값과의 차이가 처음의 0.1 % 안으로 들어오지 못했습니다.",
    "gd.loss": "손실 L",
    "gd.section.curve": "1 · 파라미터 하나: 1차 근사는 어디까지 믿을 수 있나",
    "gd.series.loss": "손실 L(θ)",
    "gd.series.tangent": "1차 근사 L(θₖ) + L'(θₖ)Δθ",
    "gd.series.iterates": "경사 하강 반복점",
    "gd.series.predicted": "예측한 다음 손실",
    "gd.series.actual": "실제 다음 손실",
    "gd.series.descent": "경사 하강 경로",
    "gd.series.full": "전체 배치",
    "gd.series.mini": "미니배치 M = {batch}",
    "gd.step": "걸음",
    "gd.curve_title": "경사 하강 경로와 {step}번째 점의 접선 (띠: 상대 오차 < 10 %)",
    "gd.predicted": "예측 L(θ − η∇L)",
    "gd.actual": "실제 L(θ − η∇L)",
    "gd.relative_error": "1차 근사의 상대 오차",
    "gd.relative_error_help": "|실제 − 예측| ÷ |예측한 손실 변화 η L'(θ)²|",
    "gd.trust": "θₖ 주변에서 상대 오차가 10 %보다 작은 범위는 Δθ ∈ [{low:+.3f}, {high:+.3f}]입니다. 이번 걸음 Δθ = {step:+.3f}는 {verdict}.",
    "gd.trust.inside": "이 범위 안이라 예측을 믿을 만합니다",
    "gd.trust.outside": "이 범위 밖이라 예측이 빗나갑니다",
    "gd.section.bowl": "2 · 파라미터 둘: 길쭉한 그릇",
    "gd.bowl_title": "(θ₁, θ₂) 위의 손실과 경사 하강 경로 (시작점 {start})",
    "gd.final_loss": "마지막 손실",
    "gd.regime_caption": "강의 설정(θ₀ = {start:g}, {steps}걸음)에서 두 그림 모두: 느린 수렴 η = {slow:g}, 빠른 수렴 η = {fast:g}, 진동 η = {oscillating:g}, 발산 η = {diverged:g}. 기준은 최소점의 곡률 λ입니다. η < 1/λ이면 한쪽에서 다가가고, 1/λ < η < 2/λ이면 넘나들고, η > 2/λ이면 멀어집니다.",
    "gd.section.batch": "3 · 전체 배치와 미니배치: 배치 기울기는 전체 기울기의 추정값",
    "gd.batch_title": "회귀 y ≈ wx + b의 손실과 두 경로, 시작 (w, b) = {start}",
    "gd.paths_caption": "전체 배치는 N = {n}개 샘플 모두의 평균 기울기로, 미니배치는 M = {batch}개의 평균 기울기로 걷습니다(에포크당 {per_epoch}걸음, 모두 {epochs:g} 에포크). 시작점, 학습률, 걸음 수는 같습니다.",
    "gd.cosine_title": "{step}번째 점에서 무작위 배치 {samples}개(M = {batch})의 cos∠(g_B, ∇L)",
    "gd.cosine": "배치 기울기와 전체 기울기 사이의 코사인",
    "gd.count": "배치 수",
    "gd.mean_cosine": "평균 코사인",
    "gd.downhill": "내리막을 가리키는 배치",
    "gd.downhill_help": "cos > 0이면 그 배치 기울기로 한 걸음 가도 (1차 근사로는) 전체 손실이 줄어듭니다.",
    "gd.no_gradient": "이 점에서는 전체 기울기가 정확히 0이라 비교할 방향이 없습니다.",
    "gd.cosine_caption": "배치가 클수록 코사인이 1에 가깝고, M = N이면 정확히 1입니다. 살펴볼 걸음 k를 키워 최소점에 다가가면 전체 기울기는 작아지는데 배치 사이의 차이는 그대로 남아서 추정이 점점 흔들립니다.",
    # --- gradient vanishing page (pages/3_gradient_vanishing.py) ---
    "gv.intro": "은닉층이 L − 1개인 다층 퍼셉트론이 MNIST 학습 이미지 256장을 보고 숫자를 맞힙니다(소프트맥스와 교차 엔트로피). 각 층 l마다 손실 함수를 그 층 가중치로 미분한 기울기의 크기 ‖∂C/∂Wˡ‖를 잽니다. 초기화 직후와, 같은 배치로 경사 하강법을 몇 번 밟은 뒤를 비교합니다.",
    "gv.explain": (
        "**역전파는 층마다 f'(z)를 한 번씩 곱합니다.** 출력층에서 입력 쪽으로 오차 δ를 되돌릴 때마다 "
        "전치된 가중치와 활성 함수의 미분이 곱해집니다. 시그모이드의 미분은 최대 1/4이므로, Glorot 초기화처럼 "
        "‖Wᵀδ‖ ≈ ‖δ‖가 되는 가중치에서는 기울기가 층마다 약 4분의 1로 줄어듭니다. 로그 눈금에서는 "
        "점선 (1/4)ᴸ⁻ˡ을 따라가는 직선이 됩니다. 은닉층이 10개면 첫 층이 받는 기울기는 출력층의 백만분의 1 "
        "정도라서 경사 하강법으로도 거의 바뀌지 않습니다. 이것이 **기울기 소실**입니다.\n\n"
        "**tanh**는 미분이 1 이하(0 근처에서 1에 가까움)라서 훨씬 덜 줄어듭니다. **ReLU**는 켜진 유닛에서 "
        "미분이 정확히 1이라 기울기가 그대로 전달됩니다. 유닛의 절반쯤은 꺼져 있는데, He 초기화가 가중치 분산을 "
        "두 배로 잡아 이를 메웁니다. 곡선이 평평하게 유지되니, 강의에서 말하는 해법이 바로 ReLU입니다.\n\n"
        "**초기화도 중요합니다.** 작은 난수 N(0, 0.01²)로 시작하면 층마다 Wᵀ가 δ까지 줄입니다"
        "(유닛 64개면 약 √64 · 0.01 = 0.08배). 시그모이드에서는 비율이 점선보다 훨씬 아래로 떨어집니다. tanh와 ReLU에서는 순전파 신호까지 "
        "약해져서, 비율은 1에 가깝지만 모든 층의 기울기가 몇십 자릿수나 작아집니다. 깊이를 바꾸면서 비율 지표와 "
        "점선을 살펴보세요."
    ),
    "gv.presets": "비교할 두 설정",
    "gv.preset.sigmoid": "시그모이드 + Glorot · 기울기 소실",
    "gv.preset.relu": "ReLU + He · 해법",
    "gv.depth": "은닉층 수 (L − 1)",
    "gv.depth_help": "은닉층의 개수입니다. 그 위에 출력층이 하나 더 있으므로 가중치 층은 모두 L = 은닉층 + 1개입니다.",
    "gv.activation": "활성 함수 f",
    "gv.act.sigmoid": "sigmoid σ",
    "gv.act.tanh": "tanh",
    "gv.act.relu": "ReLU",
    "gv.init": "가중치 초기화",
    "gv.init.glorot_uniform": "Glorot (Xavier) uniform",
    "gv.init.he_normal": "He normal",
    "gv.init.small_normal": "N(0, 0.01²)",
    "gv.width": "은닉층의 유닛 수",
    "gv.steps": "경사 하강법 단계 수",
    "gv.steps_help": "같은 배치로 경사 하강법을 이만큼 밟습니다. 두 번째 곡선이 그 뒤의 기울기입니다.",
    "gv.lr": "학습률 η",
    "gv.computing": "층마다 기울기를 계산하는 중… (처음 한 번은 TensorFlow를 불러오느라 몇 초 걸립니다)",
    "gv.ratio_init": "처음 ‖∂C/∂W¹‖ / ‖∂C/∂Wᴸ‖",
    "gv.ratio_help": "첫 층의 기울기를 출력층의 기울기로 나눈 값입니다. 기울기가 입력 쪽까지 얼마나 전달되는지를 보여 줍니다.",
    "gv.ratio_after": "{steps}단계 뒤의 같은 비율",
    "gv.bound": "(1/4)ᴸ⁻¹ · 시그모이드 배율",
    "gv.bound_help": "층마다 1/4(σ'의 최댓값)씩 곱해질 때 이 깊이에서 나오는 비율입니다.",
    "gv.loss_change": "{steps}단계 동안의 손실",
    "gv.diverged": "경사 하강법이 {step}단계에서 발산했습니다(손실이나 기울기가 더 이상 유한한 수가 아닙니다). 학습률을 낮추세요. 초기화 직후의 곡선만 보여 줍니다.",
    "gv.series.init": "초기화 직후",
    "gv.series.after": "{steps}단계 뒤",
    "gv.series.bound": "층마다 ×1/4 (시그모이드 상한)",
    "gv.norms_title": "층별 기울기 크기 ‖∂C/∂Wˡ‖ (로그 눈금)",
    "gv.layer_axis": "층 l (1 = 입력 쪽, L = 출력층)",
    "gv.norm_axis": "‖∂C/∂Wˡ‖",
    "gv.layer": "층",
    "gv.norm": "기울기 크기",
    "gv.underflow": "일부 기울기가 정확히 0입니다(float32로 나타낼 수 없을 만큼 작음). 로그 눈금에는 그릴 수 없어 뺐습니다.",
    "gv.derivative_title.sigmoid": "처음 은닉층별 σ'(z) 평균 (점선: 1/4)",
    "gv.derivative_title.tanh": "처음 은닉층별 tanh'(z) 평균",
    "gv.derivative_title.relu": "처음 은닉층별 켜진 유닛 비율 (= ReLU'(z) 평균)",
    "gv.hidden_axis": "은닉층",
    "gv.derivative_axis": "f'(z) 평균",
    "gv.loss": "손실",
    "gv.loss_title": "단계별 배치 교차 엔트로피",
    "gv.step_axis": "단계",
    "gv.no_steps": "단계 수를 0보다 크게 하면 손실이 줄어드는 모습을 볼 수 있습니다.",
    # --- live training (ui/live_training.py), shared by the pages that train ---
    "train.start": "학습 시작",
    "train.stop": "중지",
    "train.stop_help": "지금 에폭이 끝나면 학습을 멈춥니다. 이미 끝난 에폭은 남습니다.",
    "train.none_yet": "이 세션에서 아직 학습한 모델이 없습니다. 사이드바에서 하이퍼파라미터를 정하고 **학습 시작**을 누르세요.",
    "train.preparing": "모델을 준비하는 중…",
    "train.waiting": "다른 세션이 지금 학습 중입니다. 그 학습이 끝나는 대로 이 학습이 시작됩니다.",
    "train.progress": "에폭 {epoch} / {total} ({seconds}초)",
    "train.done": "{epochs} 에폭을 {seconds}초 동안 학습했습니다.",
    "train.stopped": "{total} 에폭 중 {epoch} 에폭에서 멈췄습니다.",
    "train.diverged": "에폭 {epoch}에서 학습이 발산했습니다: 손실이 모든 픽셀을 0.5로 예측할 때보다도 커졌습니다. 학습률을 낮추고 다시 학습하세요.",
    "train.chart_title": "에폭별 손실 (픽셀당 이진 교차 엔트로피)",
    "train.epoch_axis": "에폭",
    "train.loss_axis": "손실",
    "train.series.train": "내 모델, 학습 데이터",
    "train.series.test": "내 모델, 테스트 데이터",
    "train.series.reference_train": "번들 모델, 학습 데이터",
    "train.series.reference_test": "번들 모델, 테스트 데이터",
    # --- noise kinds (core/noise.py): the same technical names in both languages (they go into the URL) ---
    "noise.kind.gaussian": "Gaussian",
    "noise.kind.salt_pepper": "salt-and-pepper",
    "noise.kind.masking": "masking",
    # --- train your own autoencoder (pages/9_train_autoencoder.py) ---
    "tr.architecture": "구조",
    "tr.arch.mlp": "MLP",
    "tr.arch.conv": "CNN",
    "tr.code": "코드 크기 d",
    "tr.code_help": "코드 층의 유닛 수: 이미지 한 장을 몇 개의 숫자로 압축하는지입니다.",
    "tr.lr": "학습률 (Adam)",
    "tr.lr_help": "Adam의 보폭입니다. 0.03 정도부터는 ReLU가 죽어서 학습이 발산하거나 평균 이미지에 머뭅니다.",
    "tr.epochs": "에폭 수",
    "tr.noise": "학습 때 넣을 잡음",
    "tr.level": "잡음 세기 (0 = 일반 오토인코더)",
    "tr.level_help": "가우시안 잡음이면 σ, salt-and-pepper와 masking이면 바뀌는 픽셀의 비율입니다. 0보다 크면 디노이징 오토인코더가 됩니다: 망가진 이미지를 보고 깨끗한 이미지를 돌려줘야 합니다.",
    "tr.intro": "사이드바의 설정으로 학습 이미지 8,000장에 오토인코더를 학습합니다. 학습은 내 세션 안에서만 일어나며 번들 모델이나 다른 사용자에게는 영향이 없습니다. 테스트 곡선은 매 에폭이 끝날 때 테스트 이미지 2,000장으로 잽니다.",
    "tr.explain": "**해 볼 것.** 학습률 0.0001, 0.001, 0.1을 비교해 보세요. 너무 작으면 기어가고, 너무 크면 네트워크가 망가집니다(1장의 교훈을 실제 모델에서). 코드를 30에서 2로 줄이면 재구성에서 디테일이 사라집니다. 가우시안 잡음(0.3–0.5)을 넣으면 *디노이징* 오토인코더가 됩니다(Vincent 외, 2008). 망가진 입력을 되돌려야 하므로 픽셀 하나하나가 아니라 숫자의 특징을 배웁니다. **속도.** 기본 MLP는 CPU 코어 두 개에서 한 에폭에 약 1초가 걸리고, 합성곱 모델은 더 느립니다.",
    "tr.reference_note": "점선: 같은 코드 크기로 학습한 번들 모델 `{name}`({epochs} 에폭, 배치 64, 줄어드는 학습률).",
    "tr.used": "이번 학습: {dataset}, {architecture}, d = {code}, 학습률 {lr}, {epochs} 에폭, {noise}.",
    "tr.noise_used": "{kind} 잡음 {level}",
    "tr.no_noise": "잡음 없음",
    "tr.metric.mse": "내 모델의 테스트 MSE (픽셀당)",
    "tr.metric.bundled_mse": "번들 모델의 테스트 MSE",
    "tr.metric.denoised_psnr": "잡음 섞인 입력의 PSNR (가우시안 σ = 0.4)",
    "tr.metric.denoised_psnr_help": "가우시안 잡음 σ = 0.4를 넣은 테스트 이미지에 대한 내 모델 출력의 평균 PSNR입니다. 잡음 섞인 입력 자체는 {noisy} dB입니다.",
    "tr.row.original": "테스트 이미지",
    "tr.row.corrupted": "망가뜨린 입력",
    "tr.row.yours": "내 모델의 출력",
    "tr.row.bundled": "번들 모델 {name}",
    # --- denoising autoencoder (pages/8_denoising.py) ---
    "dn.kind": "잡음 종류",
    "dn.level": "잡음 세기",
    "dn.level_help": "가우시안 잡음의 σ(입력은 [0, 1]로 잘라 냄). salt-and-pepper와 masking이면 바뀌는 픽셀의 비율입니다.",
    "dn.first": "보여 줄 첫 테스트 이미지",
    "dn.seed": "잡음 추출 번호",
    "dn.seed_help": "잡음의 난수 시드입니다. 다른 숫자를 고르면 같은 종류·세기의 다른 잡음이 나옵니다.",
    "dn.intro": "테스트 숫자를 망가뜨린 다음, 구조와 코드 크기(d = 30)가 같은 두 오토인코더에 넣습니다. 하나는 깨끗한 이미지로, 하나는 가우시안 잡음(σ = 0.4)을 되돌리도록 학습했습니다. 50개 방향으로의 PCA 사영이 선형 기준선입니다. PSNR은 각 그림을 깨끗한 숫자와 비교합니다. 클수록 좋고, +10 dB는 오차가 10분의 1이라는 뜻입니다.",
    "dn.explain": "**왜 되는가.** 깨끗한 숫자들은 784차원 픽셀 공간 안의 얇은 매니폴드 위에 있고, 잡음은 이미지를 그 밖으로 밀어냅니다. 디노이징 오토인코더(Vincent 외, 2008)는 망가진 이미지를 깨끗한 이미지로 되돌리도록 학습하므로, 매니폴드가 어디 있는지 배우고 그 위로 사영합니다. 일반 오토인코더도 잡음을 조금은 줄이지만(코드가 작아 잡음을 담지 못하므로) 잡음을 본 적은 없습니다. **볼 것.** 세기를 움직여 보세요. 0 근처에서는 모든 모델이 디테일만 조금 잃고, σ = 0.4 근처에서는 디노이징 모델이 몇 dB 앞섭니다. 학습 때보다 훨씬 센 잡음에서는 모든 모델이 무너집니다. masking과 salt-and-pepper도 해 보세요. 가우시안으로 학습한 모델도 도움이 되지만 덜합니다. **필터.** 작은 사각형 하나가 첫 번째 층 유닛 하나의 28×28 입력 가중치입니다(회색 = 0). 잡음으로 학습하면 필터가 더 매끄럽고 획처럼 바뀝니다. 망가졌을지 모르는 픽셀 하나에 기댈 수 없기 때문입니다.",
    "dn.row.clean": "깨끗한 테스트 이미지",
    "dn.row.with_psnr": "{row} · 평균 PSNR {psnr} dB",
    "dn.series.corrupted": "망가뜨린 입력",
    "dn.series.plain": "일반 오토인코더",
    "dn.series.denoising": "디노이징 오토인코더",
    "dn.series.pca": "PCA, 50개 방향",
    "dn.table_caption": "이미지별 PSNR (dB), 열 하나가 위의 테스트 이미지 하나",
    "dn.computing": "잡음 세기별 PSNR을 재는 중…",
    "dn.curve_title": "잡음 세기에 따른 평균 PSNR, {kind} 잡음 (테스트 이미지 500장)",
    "dn.level_axis": "잡음 세기",
    "dn.psnr_axis": "PSNR (dB)",
    "dn.filters_title": "첫 번째 층의 필터",
    "dn.filters_intro": "각 인코더에서 처음 32개 은닉 유닛의 입력 가중치를 이미지로 그렸습니다(밝으면 유닛을 자극, 어두우면 억제).",
    "dn.upload_title": "내 숫자 이미지",
    "dn.upload": "숫자 사진 올리기 (PNG 또는 JPEG, 5 MB까지)",
    "dn.upload_help": "밝은 종이에 어두운 글씨든 그 반대든 됩니다. 그림은 MNIST와 같은 방식으로 28×28 숫자가 됩니다(흑백, 잘라 내기, 20픽셀로 축소, 질량 중심으로 가운데 맞춤). 그다음 사이드바의 잡음으로 망가뜨립니다.",
    "dn.upload_row": "내 숫자 · 망가뜨린 입력 {corrupted} dB · 일반 {plain} dB · 디노이징 {denoising} dB · PCA {pca} dB",
    "dn.upload_error.empty": "파일이 비어 있습니다.",
    "dn.upload_error.too_large": "파일 크기가 {size_mb} MB입니다. 한도는 {limit_mb} MB입니다.",
    "dn.upload_error.not_an_image": "PNG나 JPEG 이미지가 아닙니다(파일 이름이 아니라 내용으로 확인). 허용: {allowed}.",
    "dn.upload_error.too_many_pixels": "이미지가 {megapixels}메가픽셀이라고 적혀 있습니다. 한도는 {limit_megapixels}메가픽셀이며, 디코딩하지 않았습니다.",
    "dn.upload_error.unreadable": "{format} 파일이 손상되었거나 잘려 있어 읽을 수 없습니다.",
    "dn.upload_error.blank": "숫자를 찾지 못했습니다: 그림에 명암 차이가 거의 없습니다.",
    # --- code size page (pages/6_code_size.py) ---
    "cs.code_size": "코드 크기 d",
    "cs.code_size_help": "이미지 한 장(784개 픽셀)을 몇 개의 숫자로 줄일지. PCA는 주성분 d개, 오토인코더는 d차원 코드를 씁니다.",
    "cs.first": "보여 줄 첫 테스트 이미지 번호",
    "cs.first_help": "이 번호부터 테스트 이미지 10장을 원본, PCA 재구성, 오토인코더 재구성 순으로 보여 줍니다.",
    "cs.intro": "같은 테스트 이미지를 똑같이 d개의 숫자로 줄였다가 되살려 봅니다. PCA는 평평한 d차원 부분공간에 투영하고, 오토인코더는 휘어진 매니폴드를 따라갑니다. 재구성 오차(픽셀당 평균 제곱 오차, MSE)가 작을수록 d개의 숫자에 이미지를 더 많이 담은 것입니다.",
    "cs.explain": "- **무엇을 비교하나** — Hinton과 Salakhutdinov(Science, 2006)의 비교를 작은 규모로 다시 해 봅니다. 코드 크기가 같을 때 PCA와 오토인코더 가운데 어느 쪽이 테스트 이미지를 더 잘 되살리는지 봅니다. 두 방법 모두 학습용 8,000장만 보고 만들었고, 표와 그래프의 숫자는 한 번도 본 적 없는 테스트 2,000장 전체의 평균입니다.\n- **PCA** — 학습 데이터의 분산이 가장 큰 d개 방향 W_d(주성분)로 투영했다가 되돌립니다. 인코더와 디코더가 모두 선형이고, 선형 방법 가운데서는 제곱 오차가 가장 작습니다(Eckart–Young 정리).\n- **오토인코더** — 인코더 f와 디코더 g가 ReLU 은닉층(256, 128개, d ≤ 5이면 64개 하나 더)을 가진 비선형 함수이고, 가운데 코드가 d차원입니다. 픽셀 값을 베르누이 확률로 보고 교차 엔트로피 손실로 학습했지만(1장의 최대 우도 관점), 비교는 두 방법 모두 같은 MSE로 합니다.\n- **비율 AE/PCA** — 1보다 작으면 같은 d개의 숫자로 오토인코더가 그만큼 오차를 줄였다는 뜻입니다. 곧은 부분공간보다 휘어진 매니폴드가 데이터를 더 가깝게 따라간다는 것, 이것이 비선형 차원 축소를 쓰는 이유입니다.\n- **선형 오토인코더는 PCA와 같다** — 활성화 함수 없이 제곱 오차로 학습한 오토인코더는 PCA와 같은 부분공간을 찾습니다(3장). 오토인코더가 PCA를 이기는 것은 순전히 비선형성 덕분입니다.\n- **살펴볼 것** — d가 작을수록 PCA의 재구성은 여러 숫자를 평균 낸 듯한 흐릿한 얼룩이 되고, 오토인코더는 획이 흐려져도 어떤 숫자인지는 더 오래 지킵니다. MNIST 기본 화면(d = 5)에서 PCA의 재구성은 대부분 알아보기 어렵지만 오토인코더의 재구성은 모두 읽힙니다. d = 2에서는 오토인코더도 숫자를 바꾸기 시작합니다(7이 5로, 5가 8로 돌아옵니다). d를 키우면 두 오차 모두 줄어듭니다.",
    "cs.computing": "테스트 이미지 2,000장을 PCA와 오토인코더 네 개로 재구성하는 중… (처음 한 번은 TensorFlow도 불러옵니다)",
    "cs.metric.pca": "PCA 테스트 MSE (d = {d})",
    "cs.metric.ae": "오토인코더 테스트 MSE (d = {d})",
    "cs.metric.ratio": "비율 AE / PCA (d = {d})",
    "cs.ratio_help": "오토인코더의 오차를 PCA의 오차로 나눈 값. 0.5면 오토인코더의 오차가 PCA의 절반입니다.",
    "cs.series.pca": "PCA",
    "cs.series.ae": "오토인코더",
    "cs.col.d": "코드 크기 d",
    "cs.col.pca": "PCA MSE",
    "cs.col.ae": "오토인코더 MSE",
    "cs.col.ratio": "비율 AE/PCA",
    "cs.table_title": "코드 크기별 재구성 오차",
    "cs.table_caption": "테스트 이미지 {count}장 전체의 픽셀당 평균 제곱 오차(픽셀 값 0–1). 오토인코더의 값은 사전 학습 모델 목록(manifest)에 기록된 값과 같습니다.",
    "cs.chart_title": "재구성 오차와 코드 크기 (로그 축, 점선: 고른 d)",
    "cs.axis.d": "코드 크기 d",
    "cs.axis.mse": "테스트 MSE (픽셀당)",
    "cs.rows_title": "d = {d}의 재구성: 테스트 이미지 {first}–{last}번",
    "cs.row.original": "원본 ({labels})",
    "cs.row.rebuilt": "{method} 재구성 · 이 10장의 MSE {mse:.4f}",
    # --- interpolation page (pages/7_interpolation.py) ---
    "ip.start": "시작 이미지 a (테스트 번호)",
    "ip.end": "끝 이미지 b (테스트 번호)",
    "ip.index_help": "테스트 이미지 2,000장 가운데 몇 번째인지. 데이터셋을 바꾸면 같은 번호가 다른 이미지를 가리킵니다.",
    "ip.steps": "보간 단계 수",
    "ip.code_size": "코드 크기 d (PCA와 오토인코더)",
    "ip.code_size_help": "PCA 주성분의 개수이자 오토인코더 코드의 차원. 아래 이웃 찾기의 코드 거리도 이 오토인코더의 코드로 잽니다.",
    "ip.swap": "a ↔ b 바꾸기",
    "ip.random": "부류가 다른 쌍 무작위로",
    "ip.intro": "두 테스트 이미지 a와 b를 세 공간에서 곧게 잇고, 그 길 위의 점들을 이미지로 보여 줍니다. 픽셀 공간의 중간점은 두 이미지를 반투명하게 겹친 그림일 뿐 숫자가 아닙니다. 오토인코더의 코드 공간에서 이은 길은 디코더를 거치면서 숫자 모양을 유지한 채 a에서 b로 바뀌어 갑니다.",
    "ip.explain": "- **픽셀 공간** — 두 이미지를 (1 − t) : t의 비율로 섞습니다. 784차원 공간의 직선이고, 가운데에는 두 그림이 겹친 유령 같은 이미지가 나옵니다. 데이터 매니폴드는 이 직선을 따라 놓여 있지 않습니다.\n- **PCA 공간** — 두 이미지의 주성분 좌표 z를 섞어 디코드합니다. 디코더가 선형(아핀)이므로 이것은 두 PCA 재구성을 섞은 것과 같습니다(0–1 범위로 자르는 부분만 빼면). 흐릿해질 뿐 겹침은 그대로입니다.\n- **오토인코더 코드 공간** — 인코더가 만든 두 코드를 섞고, 길 위의 코드를 모두 한 번에 디코더에 넣습니다. 디코더가 비선형이라서 코드 공간의 직선이 이미지 공간에서는 매니폴드를 따라 휘어진 길이 됩니다.\n- **두 가지 자** — δ는 길 위의 이미지에서 가장 가까운 학습 이미지까지의 유클리드 거리입니다. 모델 없이 잴 수 있지만 그 자체가 픽셀 거리라서, 두 숫자를 흐리게 겹친 그림도 어떤 학습 이미지와는 꽤 가깝게 나올 때가 많습니다. ε은 학습된 오토인코더(d = 30)가 그 이미지를 재구성하면서 얼마나 바꾸는지입니다. 매니폴드 위의 이미지는 거의 그대로 돌아오고, 벗어난 이미지는 매니폴드 쪽으로 끌려가며 많이 바뀝니다(3장 디노이징 오토인코더의 관점). 다만 ε은 오토인코더가 만든 매끈한 이미지에 유리하고, d = 30에서는 오토인코더 경로를 만든 바로 그 모델이 채점합니다. 점선은 실제 테스트 이미지의 중앙값입니다.\n- **이웃** — 시작 이미지에서 가장 가까운 테스트 이미지 8장을 픽셀 거리와 코드 거리로 각각 찾고, 그 가운데 같은 부류가 몇 장인지 셉니다. MNIST에서 d = 10 이상이면 784개 대신 d개의 숫자만 비교하고도 픽셀 거리와 비슷하거나 조금 더 자주 같은 부류를 찾습니다. d = 2에서는 부류가 섞입니다.\n- **살펴볼 것** — 기본값(MNIST의 0 → 6, d = 10)에서 픽셀 경로는 가운데에서 δ와 ε이 모두 불룩 솟고, 오토인코더 경로는 0에서 고리가 자라나 6이 됩니다. d = 30으로 올리면 양 끝의 재구성은 좋아지지만 멀리 떨어진 두 코드의 중간이 숫자가 아닌 모양으로 디코드되기도 합니다. 일반 오토인코더의 코드 공간에는 데이터가 없는 빈 곳이 있다는 뜻이고, 이것이 4장 변분 오토인코더의 출발점입니다.",
    "ip.computing": "경로를 디코드하고 학습 이미지 8,000장과의 거리를 재는 중… (처음 한 번은 TensorFlow도 불러옵니다)",
    "ip.paths_title": "{start} → {end}, d = {d}",
    "ip.path.pixel": "픽셀 공간",
    "ip.path.pca": "PCA 공간",
    "ip.path.autoencoder": "오토인코더 코드 공간",
    "ip.strip_caption": "{path} · 가운데 이미지의 δ = {distance:.2f}, ε = {change:.4f}",
    "ip.metric.middle": "{path}: 가운데 이미지의 δ",
    "ip.metric_help": "가운데 이미지에서 가장 가까운 학습 이미지까지의 유클리드 거리 δ. 작을수록 실제 데이터에 가깝습니다.",
    "ip.chart.distance": "δ: 가장 가까운 학습 이미지까지의 거리",
    "ip.chart.change": "ε: 오토인코더(d = 30)가 재구성하며 바꾸는 양",
    "ip.axis.distance": "δ (유클리드 거리)",
    "ip.axis.change": "ε (픽셀당 MSE)",
    "ip.typical": "실제 테스트 이미지의 중앙값",
    "ip.rulers_caption": "점선: 실제 테스트 이미지 2,000장의 중앙값(δ = {distance:.2f}, ε = {change:.4f}). 픽셀 경로의 양 끝은 원본 이미지이고, PCA와 오토인코더 경로의 양 끝은 그 재구성입니다.",
    "ip.neighbours_title": "시작 이미지(테스트 {index}번, {label})의 가장 가까운 이웃 8장",
    "ip.same_label.pixel": "픽셀 거리 이웃 중 같은 부류",
    "ip.same_label.code": "코드 거리(d = {d}) 이웃 중 같은 부류",
    "ip.labels": "부류: {labels}",
    # --- manifold maps page (pages/5_manifold_maps.py) ---
    "mm.intro": (
        "**매니폴드 가정**: 28×28 = 784개 픽셀로 된 이미지는 784차원 공간에 고르게 퍼져 있지 않고, 그 안의 "
        "훨씬 낮은 차원의 휘어진 면(매니폴드) 가까이에 모여 있습니다. 그렇다면 이미지 한 장을 숫자 두 개로 줄여 "
        "평면 위의 점으로 그려 볼 수 있습니다. 아래 네 지도는 같은 테스트 이미지 {count}장을 서로 다른 방법으로 "
        "2차원에 옮긴 것입니다. 점의 색은 레이블이지만 네 방법 모두 레이블을 보지 않았습니다.\n\n"
        "- **PCA**: 분산이 가장 큰 두 방향으로 직선 사영합니다(선형 차원 축소). 데이터 전체의 퍼짐을 지킵니다.\n"
        "- **오토인코더**: 학습된 비선형 인코더가 코드 두 개를 만들고, 디코더가 그 코드에서 이미지를 되살립니다.\n"
        "- **t-SNE**: 가까운 이웃을 가깝게 두는 데만 힘씁니다. 디코더가 없고, 군집 사이의 거리는 거의 뜻이 없습니다.\n"
        "- **Isomap**: 이웃 그래프를 따라 잰 거리(측지 거리)를 평면에서 되도록 그대로 지킵니다."
    ),
    "mm.explain": (
        "**PCA**는 학습 이미지의 평균 μ를 빼고, 분산이 가장 큰 직교 방향 두 개(W₂의 행)에 사영합니다. "
        "되돌리는 것도 선형이라(x̂ = μ + W₂ᵀz) 휘어진 매니폴드를 펼치지 못하고 평면에 눌러 찍습니다. "
        "그래서 모양이 비슷한 숫자(3, 5, 8이나 4, 9)나 옷(셔츠, 티셔츠, 풀오버, 코트)이 한데 겹칩니다.\n\n"
        "**오토인코더**는 인코더 784 → 256 → 128 → 64 → 2와 대칭인 디코더를 재구성 오차가 작아지도록 함께 학습한 "
        "모델입니다(레이블 없이). 비선형이라 휘어진 매니폴드를 따라갈 수 있고, PCA와 같은 두 숫자로 클래스를 "
        "더 잘 나눕니다. 디코더가 있으니 지도 위의 아무 점에서나 이미지를 만들 수 있습니다(다음 페이지들).\n\n"
        "**t-SNE**는 원래 공간에서 가까운 쌍일수록 큰 확률 P와 지도 위의 확률 Q가 같아지도록 KL 발산을 줄입니다. "
        "가까운 이웃을 지키는 데 집중하므로 군집이 또렷하게 갈라지지만, 군집의 크기와 군집 사이의 거리는 거의 "
        "뜻이 없습니다. 인코더도 디코더도 없어서 새 이미지 한 장을 올리려면 처음부터 다시 계산해야 합니다.\n\n"
        "**Isomap**은 이미지마다 가장 가까운 10개를 이은 그래프에서 최단 경로로 매니폴드 위의 거리(측지 거리)를 "
        "어림하고, 그 거리를 평면에서 최대한 지키도록 배치합니다(고전적 MDS). 전체 구조를 지키려 하지만, 그래프에 "
        "다른 클래스로 건너가는 지름길이 생기면 서로 다른 클래스가 이어져 버립니다. t-SNE와 Isomap은 속도를 위해 "
        "먼저 PCA로 50차원까지 줄인 뒤 계산합니다.\n\n"
        "**지도 읽기**: 위의 수치는 각 점의 가장 가까운 이웃 5개 중 같은 레이블의 비율입니다. 784차원 픽셀 공간에서 "
        "재면 꽤 높은데, PCA 2차원에서는 크게 떨어집니다. 두 숫자로 줄일 때 선형 사영이 잃는 것이 그만큼입니다. "
        "t-SNE의 수치가 가장 높다고 해서 가장 좋은 표현이라는 뜻은 아닙니다. 그림을 위한 배치일 뿐, 새 데이터를 "
        "옮기거나 이미지로 되돌릴 수 없기 때문입니다."
    ),
    "mm.class": "강조할 클래스",
    "mm.class_help": "한 클래스만 색으로 칠하고 나머지는 회색으로 둡니다. 번호: {classes}",
    "mm.class_caption": "{label} = {name}: 이 클래스만 색으로 보입니다.",
    "mm.index": "고른 이미지 번호",
    "mm.index_help": "테스트 이미지 가운데 몇 번째인지입니다(0부터). 지도에서 점을 클릭해도 바뀝니다.",
    "mm.computing": "테스트 이미지 {count}장의 지도 네 개를 만드는 중… t-SNE와 Isomap은 서버마다 데이터셋별로 한 번만 계산합니다.",
    "mm.method.pca": "PCA",
    "mm.method.autoencoder": "오토인코더 (코드 2차원)",
    "mm.method.tsne": "t-SNE",
    "mm.method.isomap": "Isomap",
    "mm.agreement_title": "지도가 클래스를 얼마나 모아 두는가: 이웃 {k}개의 레이블 일치율 ({count}장 전체)",
    "mm.agreement_help": "각 점에서 지도 위 가장 가까운 점 {k}개 가운데 레이블이 같은 비율을, {count}장 모두에 대해 평균한 값입니다. 1이면 모든 이웃이 같은 클래스이고, 점을 아무렇게나 흩뿌리면 약 0.1입니다.",
    "mm.agreement_caption": "비교: 784차원 픽셀 공간에서 같은 값을 재면 {pixels}입니다. 이 서버에서 처음 계산할 때 t-SNE는 {tsne}초, Isomap은 {isomap}초 걸렸고, 그 뒤로는 저장해 둔 결과를 바로 씁니다. PCA와 오토인코더는 새 이미지도 곧바로 지도에 올리지만, t-SNE와 Isomap은 이미지가 한 장만 늘어도 처음부터 다시 계산해야 합니다.",
    "mm.legend": "레이블",
    "mm.tooltip.label": "레이블",
    "mm.tooltip.index": "번호",
    "mm.chart_caption": "점을 클릭하면 그 이미지를 고릅니다. 굵은 원은 고른 이미지(네 지도 모두 같은 이미지), 가는 원은 그 지도에서 가장 가까운 {k}장입니다. 지도마다 긴 쪽이 [−1, 1]에 들어오도록 옮기고 같은 배율로 줄였으므로 이웃 관계는 그대로입니다. t-SNE와 Isomap의 축 방향과 단위에는 뜻이 없어 눈금을 뺐습니다.",
    "mm.selected_title": "고른 이미지: {index}번 · 레이블 {name}",
    "mm.selected_note": "아래는 지도마다 이 이미지에서 (지도 위 2차원 거리로) 가장 가까운 {k}장이고, 위의 숫자는 그 가운데 고른 이미지와 레이블이 같은 수입니다. 좋은 지도라면 같은 클래스의 이미지가 가까이 모여 있어야 합니다. PCA에서는 모양이 비슷한 다른 클래스가 섞여 들기 쉽습니다. 다른 점을 클릭하거나 사이드바의 번호를 바꿔 보세요.",
    "mm.same_label_help": "지도 위에서 가장 가까운 {k}장 가운데 고른 이미지와 레이블이 같은 이미지의 수입니다.",
    # --- end of catalogue (new page sections go above this line) ---
}
