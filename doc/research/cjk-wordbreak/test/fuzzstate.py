import random, sys
seed=int(sys.argv[1]); n=int(sys.argv[2])
R=random.Random(seed)
alpha=['ー','ｰ','ﾞ','ﾟ','〱','〵','゛','゜','゠','ᩲ','ᨠ','한','국','中','国','人','民','カ','タ','ナ','ｶ','ﾀ','ひ','ら','が','な',' ','1','a','・','㋐','㌀','〸','⼀','豈','𠀀','\u3099','\u0301','。','ヽ','ヾ','ゝ','ゞ','々','〆','〇','ㇰ','𛀀','🈀']
out=sys.stdout
for i in range(n):
    L=R.choice([1,2,3,4,6,10,30])
    out.write(''.join(R.choice(alpha) for _ in range(L))+'\n')
