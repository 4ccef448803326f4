/* checks the NFKC fast-path ranges of cjkbrk.c against ICU, and that cjkbrk's
 * in_cj_set equals [[:Han:][:Hiragana:][:Katakana:]\u30fc\uff70\uff9e\uff9f] */
#include <stdio.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/uscript.h>
static int plain(UChar c){return (c>=0x4e00&&c<=0x9fff)||(c>=0x3400&&c<=0x4dbf)||(c>=0x3041&&c<=0x3096)||(c>=0x30a1&&c<=0x30fa)||c==0x30fc;}
static int cj(UChar32 c){ if(c>=0x4e00&&c<=0x9fff)return 1; if(c==0x30fc||c==0xff70||c==0xff9e||c==0xff9f)return 1; if(c<0x2e80)return 0;
 UErrorCode st=U_ZERO_ERROR; UScriptCode sc=uscript_getScript(c,&st); return sc==USCRIPT_HAN||sc==USCRIPT_HIRAGANA||sc==USCRIPT_KATAKANA;}
int main(void){
  int bad=0; UErrorCode st=U_ZERO_ERROR;
  for(UChar32 c=0;c<0x10000;c++) if(plain((UChar)c)){
    if(u_getIntPropertyValue(c,UCHAR_NFKC_QUICK_CHECK)!=UNORM_YES||u_getCombiningClass(c)!=0){printf("not plain %04X\n",c);bad++;}}
  USet*s=uset_openPattern(u"[[:Han:][:Hiragana:][:Katakana:]\\u30fc\\uff70\\uff9e\\uff9f]",-1,&st);
  for(UChar32 c=0;c<=0x10ffff;c++) if((uset_contains(s,c)!=0)!=cj(c)){printf("cj mismatch %04X\n",c);bad++;}
  printf("%s (%d bad)\n",bad?"FAIL":"OK",bad); return bad!=0;}
