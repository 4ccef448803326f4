# corpora
