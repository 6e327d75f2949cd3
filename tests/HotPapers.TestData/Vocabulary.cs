namespace HotPapers.TestData;

/// <summary>
/// Word and name lists the synthetic catalog is drawn from. They are fixed in source, never read from
/// the environment, so that a seed gives the same bytes on every machine.
/// </summary>
internal static class Vocabulary
{
    public static readonly string[] AbstractWords =
    [
        "we", "propose", "a", "novel", "method", "for", "learning", "representations", "of", "the", "data",
        "model", "neural", "network", "networks", "deep", "training", "inference", "gradient", "descent",
        "stochastic", "optimization", "convex", "non-convex", "loss", "function", "objective", "benchmark",
        "benchmarks", "state-of-the-art", "performance", "accuracy", "generalization", "robustness",
        "adversarial", "examples", "attention", "transformer", "transformers", "self-supervised",
        "contrastive", "pretraining", "fine-tuning", "language", "vision", "image", "images", "text",
        "graph", "graphs", "node", "embedding", "embeddings", "latent", "variable", "variational",
        "posterior", "prior", "Bayesian", "uncertainty", "estimation", "estimator", "sample", "samples",
        "complexity", "theoretical", "analysis", "bound", "bounds", "regret", "reinforcement", "policy",
        "reward", "agent", "agents", "environment", "exploration", "offline", "online", "distribution",
        "distributions", "shift", "domain", "adaptation", "transfer", "few-shot", "zero-shot", "task",
        "tasks", "dataset", "datasets", "large-scale", "efficient", "scalable", "parameters", "memory",
        "compute", "sparse", "dense", "kernel", "kernels", "Gaussian", "process", "processes", "diffusion",
        "generative", "adversarial", "autoencoder", "flow", "flows", "likelihood", "score", "matching",
        "energy-based", "causal", "discovery", "fairness", "privacy", "differential", "federated",
        "clients", "communication", "convergence", "rate", "rates", "empirical", "results", "show",
        "demonstrate", "outperforms", "baselines", "significantly", "while", "requiring", "fewer",
        "and", "in", "on", "with", "to", "that", "this", "our", "is", "are", "by", "from", "as", "can",
        "which", "under", "across", "both", "simple", "framework", "approach", "architecture", "layer",
        "layers", "depth", "width", "implicit", "regularization", "overparameterized", "interpolation",
        "double", "descent", "phenomenon", "spectral", "norm", "Lipschitz", "continuous", "discrete",
        "tokens", "sequence", "sequences", "recurrent", "convolutional", "pooling", "augmentation",
        "labels", "noisy", "semi-supervised", "unsupervised", "clustering", "manifold", "geometry",
        "equivariant", "symmetry", "invariance", "physics-informed", "simulation", "molecules", "protein",
        "code", "available", "experiments", "extensive", "ablation", "studies", "reveal", "surprisingly",
    ];

    public static readonly string[] MathSnippets =
    [
        "$\\mathcal{O}(n \\log n)$", "$\\ell_1$", "$\\epsilon$-optimal", "$O(\\sqrt{T})$", "$k$-means",
        "$\\mathbb{R}^d$", "$L^2$", "$\\beta$-VAE", "$\\tilde{O}(d/\\epsilon^2)$", "$\\lambda$",
    ];

    public static readonly string[] TitleHeads =
    [
        "Learning", "Towards", "Rethinking", "On the", "Scaling", "Understanding", "Provably Efficient",
        "Revisiting", "Beyond", "Self-Supervised", "Efficient", "Robust", "Neural", "Deep", "Sparse",
    ];

    public static readonly string[] TitleNouns =
    [
        "Transformers", "Diffusion Models", "Graph Neural Networks", "Policy Optimization", "Representations",
        "Contrastive Learning", "Vision Transformers", "Language Models", "Normalizing Flows", "Bandits",
        "Kernel Methods", "Attention", "Gaussian Processes", "Meta-Learning", "Federated Learning",
        "Causal Inference", "Implicit Regularization", "Mixture of Experts", "Score Matching", "Pruning",
    ];

    public static readonly string[] TitleTails =
    [
        "at Scale", "without Labels", "via Optimal Transport", "for Out-of-Distribution Detection",
        "with Provable Guarantees", "in the Wild", "Is All You Need", "for Molecular Generation",
        "under Distribution Shift", "from Pixels", "with Schrödinger Bridges", "à la Pólya",
        "and the Erdős–Rényi Limit", "for Zero-Shot Transfer", "in Non-Convex Landscapes",
    ];

    public static readonly string[] FirstNames =
    [
        "Pavel", "Sharad", "Matthew", "Andrew", "Mathilde", "Hugo", "Ishan", "Hervé", "Julien", "Piotr",
        "Armand", "Yann", "Léon", "Zoë", "Søren", "Łukasz", "Jürgen", "Ana", "Mei", "Hiroshi", "Yuki",
        "Priya", "Arjun", "Fatima", "Omar", "Chen", "Wei", "Sofia", "Mateo", "Ines", "Noah", "Emma",
        "Olga", "Dmitri", "Kwame", "Amara", "José", "François", "Björn", "Aylin",
    ];

    // Display name and the ASCII spelling a Twitter handle is made from.
    public static readonly (string Display, string Ascii)[] LastNames =
    [
        ("Izmailov", "izmailov"), ("Vikram", "vikram"), ("Hoffman", "hoffman"), ("Wilson", "wilson"),
        ("Caron", "caron"), ("Touvron", "touvron"), ("Misra", "misra"), ("Jégou", "jegou"),
        ("Mairal", "mairal"), ("Bojanowski", "bojanowski"), ("Joulin", "joulin"), ("Müller", "mueller"),
        ("Kaiser", "kaiser"), ("Nguyen", "nguyen"), ("Tanaka", "tanaka"), ("Suzuki", "suzuki"),
        ("Sato", "sato"), ("Patel", "patel"), ("García", "garcia"), ("Núñez", "nunez"), ("Øvergaard", "overgaard"),
        ("Schmidhuber", "schmidhuber"), ("Bengio", "bengio"), ("Zhang", "zhang"), ("Li", "li"),
        ("Wang", "wang"), ("Kowalski", "kowalski"), ("Ivanov", "ivanov"), ("Okafor", "okafor"),
        ("Mensah", "mensah"), ("Yılmaz", "yilmaz"), ("Dubois", "dubois"), ("Lindqvist", "lindqvist"),
        ("Rossi", "rossi"), ("Haddad", "haddad"), ("Kim", "kim"), ("Park", "park"), ("Cohen", "cohen"),
    ];

    public static readonly string[] TweetWords =
    [
        "new", "paper", "preprint", "out", "today", "we", "show", "that", "simple", "tricks", "beat",
        "fancy", "methods", "thread", "really", "cool", "work", "from", "our", "lab", "excited", "to",
        "share", "results", "surprising", "finding", "scaling", "laws", "check", "it", "this", "is",
        "must-read", "everyone", "working", "on", "models", "code", "and", "data", "released", "big",
        "if", "true", "finally", "a", "clean", "theory", "for", "why", "works", "huge", "congrats",
    ];

    public static readonly string[] JapaneseTweets =
    [
        "面白い論文。", "これはすごい結果だ", "自己教師あり学習の新しい手法", "読みたい", "コードも公開されている",
        "ベイズ深層学習の話", "大規模言語モデルの評価について", "実験がしっかりしている",
    ];

    public static readonly string[] Emoji = ["🔥", "🚀", "🧵", "👇", "🤯", "📄"];

    public static readonly (string Code, string Name)[] Categories =
    [
        ("cs.LG", "Machine Learning"), ("stat.ML", "Machine Learning"), ("cs.CV", "Computer Vision and Pattern Recognition"),
        ("cs.CL", "Computation and Language"), ("cs.AI", "Artificial Intelligence"), ("cs.NE", "Neural and Evolutionary Computing"),
        ("math.OC", "Optimization and Control"), ("cs.RO", "Robotics"), ("eess.IV", "Image and Video Processing"),
        ("q-bio.QM", "Quantitative Methods"), ("cs.IT", "Information Theory"), ("physics.comp-ph", "Computational Physics"),
    ];

    public static readonly string[] Comments =
    [
        "10 pages, 5 figures", "Accepted at ICML 2021", "Code: https://github.com/example/repo", "Preprint. Under review",
        "NeurIPS 2021 camera-ready", "32 pages, 12 figures, 4 tables",
    ];
}
