import random, sys
seed=int(sys.argv[1]); n=int(sys.argv[2]); mode=sys.argv[3] if len(sys.argv)>3 else 'all'
R=random.Random(seed)
un=open('data/unpc.zh',encoding='utf-8').read()
hanchars=[c for c in set(un) if '\u4e00'<=c<='\u9fff']
words=[]
for line in open('data/cedict.txt',encoding='utf-8'):
    if line.startswith('#'): continue
    p=line.split(' ')
    if len(p)>2: words+= [p[0],p[1]]
def rng(a,b): return chr(R.randint(a,b))
pools=[
 (30, lambda: R.choice(hanchars)),
 (20, lambda: R.choice(words)),
 (6, lambda: rng(0x3041,0x309f)),
 (6, lambda: rng(0x30a0,0x30ff)),
 (4, lambda: ''.join(rng(0x30a1,0x30fa) for _ in range(R.randint(1,25)))),
 (2, lambda: rng(0x31f0,0x31ff)),
 (3, lambda: rng(0xff61,0xff9f)),
 (2, lambda: rng(0x32d0,0x32fe)),
 (2, lambda: rng(0x3300,0x3357)),
 (2, lambda: rng(0xf900,0xfad9)),
 (1, lambda: rng(0x2f800,0x2fa1d)),
 (2, lambda: rng(0x2f00,0x2fd5)),
 (1, lambda: rng(0x2e80,0x2ef3)),
 (2, lambda: R.choice('\u3005\u3006\u3007\u3021\u3029\u3038\u3039\u303a\u303b\u3031\u3035\u309b\u309c\u309d\u309e\u309f\u30fb\u30fc\u30fd\u30ff\uff70\uff9e\uff9f\u3099\u309a\u30a0')),
 (2, lambda: rng(0x20000,0x2a6df)),
 (1, lambda: rng(0x3400,0x4dbf)),
 (1, lambda: R.choice(['\ufe00','\ufe0f','\U000e0100','\u200b','\u200c','\u200d','\u2060','\ufeff','\u0301','\u00ad'])),
 (4, lambda: rng(0x30,0x39)), (2, lambda: rng(0xff10,0xff19)),
 (5, lambda: rng(0x61,0x7a)), (2, lambda: rng(0x41,0x5a)), (1, lambda: rng(0xff21,0xff3a)),
 (6, lambda: R.choice('。，、「」（）：；—…\'".,:;-_／・《》“”!?％%$@#&*+=()[]{}<>')),
 (4, lambda: R.choice([' ',' ','\t','\u3000','\r'])),
 (2, lambda: rng(0xac00,0xd7a3)), (1, lambda: rng(0x1100,0x11ff)),
 (1, lambda: rng(0x1a20,0x1aad)),
 (1, lambda: R.choice(['\U0001f600','\U0001f468\u200d\U0001f469','\U0001f1e6\U0001f1e8','\u2764\ufe0f'])),
 (1, lambda: R.choice(['\U0001f200','\U0001f201','\U0001f202','\U0001b000','\U0001b001','\U0001b11f','\U0001b132','\U0001b150','\U0001b164'])),
 (1, lambda: '\x00'),
]
if mode=='thai':
    pools.append((2, lambda: rng(0x0e01,0x0e5b)))
    pools.append((1, lambda: R.choice([rng(0x0e81,0x0edf),rng(0x1780,0x17f9),rng(0x1000,0x109f)])))
W=[w for w,_ in pools]; F=[f for _,f in pools]
out=sys.stdout.buffer
bad=[b'\x80',b'\xff',b'\xed\xa0\x80',b'\xe4\xb8',b'\xc0\xaf',b'\xf4\x90\x80\x80',b'\xe4']
for i in range(n):
    L=R.choice([1,2,3,5,10,20,40,80,200])
    parts=[]
    for _ in range(L):
        if R.random()<0.01: parts.append(R.choice(bad))
        else: parts.append(R.choices(F,W)[0]().encode('utf-8','surrogatepass'))
    out.write(b''.join(parts).replace(b'\n',b' ')+b'\n')
