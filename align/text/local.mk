# align/text
