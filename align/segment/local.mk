# align/segment
