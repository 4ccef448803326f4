# tmx: TMX reading and writing.
