# align/aligner
