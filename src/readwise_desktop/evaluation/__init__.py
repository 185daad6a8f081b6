"""Score the analysis against gold annotations: PolNeAR, CoNLL-2010/Szeged and our own format."""
