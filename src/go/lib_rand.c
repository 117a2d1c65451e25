/* lib_rand.c - package math/rand: Go 1.19's generator, so a seeded program
 * prints the numbers Go prints.
 *
 * The source is Go's rngSource: an additive lagged Fibonacci generator
 * (x[n] = x[n-607] + x[n-273]) whose 607 words are seeded by the
 * Park-Miller generator seedrand, each xored with rng_cooked, Go's table of
 * the state after 780e10 steps (copied from Go's math/rand/rng.go, BSD
 * licensed; it cannot be recomputed in reasonable time).  Its words are
 * gcells, so two goroutines sharing one *Rand race as they would in Go, on
 * Go memory.  The top-level functions use one source per program, seeded
 * with 1 as in Go 1.19, behind a lock (Go's lockedSource). */
#include "lib_natives.h"

#include "sync/lock.h"

enum { RNG_LEN = 607, RNG_TAP = 273 };

#define RNG_MASK ((1ull << 63) - 1)

/* Go's rng_cooked: the high bit of each word (Go 1.19 keeps it) never
 * reaches Int63's result, which is masked. */
static const int64_t rng_cooked[RNG_LEN] = {
    5041579894721019882ll, 4646389086726545243ll, 1395769623340756751ll, 5333664234075297259ll,
    2875692520355975054ll, 9033628115061424579ll, 7143218595135194537ll, 4812947590706362721ll,
    7937252194349799378ll, 5307299880338848416ll, 8209348851763925077ll, 2115741599318814044ll,
    4593015457530856296ll, 8140875735541888011ll, 3319429241265089026ll, 8619815648190321034ll,
    1727074043483619500ll, 113108499721038619ll,  4569519971459345583ll, 5062833859075314731ll,
    2387618771259064424ll, 2716131344356686112ll, 6559392774825876886ll, 7650093201692370310ll,
    7684323884043752161ll, 257867835996031390ll,  6593456519409015164ll, 271327514973697897ll,
    2789386447340118284ll, 1065192797246149621ll, 3344507881999356393ll, 4459797941780066633ll,
    7465081662728599889ll, 1014950805555097187ll, 4449440729345990775ll, 3481109366438502643ll,
    2418672789110888383ll, 5796562887576294778ll, 4484266064449540171ll, 3738982361971787048ll,
    4523597184512354423ll, 10530508058128498ll,   8633833783282346118ll, 2625309929628791628ll,
    8660405965245884302ll, 10162832508971942ll,   6540714680961817391ll, 7031802312784620857ll,
    6240911277345944669ll, 831864355460801054ll,  8004434137542152891ll, 2116287251661052151ll,
    2202309800992166967ll, 9161020366945053561ll, 4069299552407763864ll, 4936383537992622449ll,
    457351505131524928ll,  342195045928179354ll,  2847771682816600509ll, 2068020115986376518ll,
    4368649989588021065ll, 887231587095185257ll,  5563591506886576496ll, 6816225200251950296ll,
    5616972787034086048ll, 8471809303394836566ll, 1686575021641186857ll, 4045484338074262002ll,
    4244156215201778923ll, 7848217333783577387ll, 5632136521049761902ll, 833283142057835272ll,
    9029726508369077193ll, 3243583134664087292ll, 4316371101804477087ll, 8937849979965997980ll,
    6446940406810434101ll, 1679342092332374735ll, 6050638460742422078ll, 6993520719509581582ll,
    7640877852514293609ll, 5881353426285907985ll, 812786550756860885ll,  4541845584483343330ll,
    2725470216277009086ll, 4980675660146853729ll, 5210769080603236061ll, 8894283318990530821ll,
    6326442804750084282ll, 1495812843684243920ll, 7069751578799128019ll, 7370257291860230865ll,
    6756929275356942261ll, 4706794511633873654ll, 7824520467827898663ll, 8549875090542453214ll,
    33650829478596156ll,   1328918435751322643ll, 7297902601803624459ll, 1011190183918857495ll,
    2238025036817854944ll, 5147159997473910359ll, 896512091560522982ll,  2659470849286379941ll,
    6097729358393448602ll, 1731725986304753684ll, 4106255841983812711ll, 8327155210721535508ll,
    8477511620686074402ll, 5803876044675762232ll, 8435417780860221662ll, 5988852856651071244ll,
    4715837297103951910ll, 7566171971264485114ll, 505808562678895611ll,  5070098180695063370ll,
    842110666775871513ll,  572156825025677802ll,  1791881013492340891ll, 3393267094866038768ll,
    3778721850472236509ll, 2352769483186201278ll, 1292459583847367458ll, 8897907043675088419ll,
    5781809037144163536ll, 2733958794029492513ll, 5092019688680754699ll, 8996124554772526841ll,
    4234737173186232084ll, 5027558287275472836ll, 4635198586344772304ll, 8687338893267139351ll,
    5907508150730407386ll, 784756255473944452ll,  972392927514829904ll,  5422057694808175112ll,
    5158420642969283891ll, 9048531678558643225ll, 2407211146698877100ll, 7583282216521099569ll,
    3940796514530962282ll, 3341174631045206375ll, 3095313889586102949ll, 7405321895688238710ll,
    5832080132947175283ll, 7890064875145919662ll, 8184139210799583195ll, 1149859861409226130ll,
    1464597243840211302ll, 4641648007187991873ll, 3516491885471466898ll, 956288521791657692ll,
    6657089965014657519ll, 5220884358887979358ll, 1796677326474620641ll, 5340761970648932916ll,
    1147977171614181568ll, 5066037465548252321ll, 2574765911837859848ll, 1085848279845204775ll,
    3350107529868390359ll, 6116438694366558490ll, 2107701075971293812ll, 1803294065921269267ll,
    2469478054175558874ll, 7368243281019965984ll, 3791908367843677526ll, 185046971116456637ll,
    2257095756513439648ll, 7217693971077460129ll, 909049953079504259ll,  7196649268545224266ll,
    5637660345400869599ll, 3955544945427965183ll, 8057528650917418961ll, 4139268440301127643ll,
    6621926588513568059ll, 1373361136802681441ll, 6527366231383600011ll, 3507654575162700890ll,
    9202058512774729859ll, 1954818376891585542ll, 6640380907130175705ll, 8299563319178235687ll,
    3901867355218954373ll, 7046310742295574065ll, 6847195391333990232ll, 1572638100518868053ll,
    8850422670118399721ll, 3631909142291992901ll, 5158881091950831288ll, 2882958317343121593ll,
    4763258931815816403ll, 6280052734341785344ll, 4243789408204964850ll, 2043464728020827976ll,
    6545300466022085465ll, 4562580375758598164ll, 5495451168795427352ll, 1738312861590151095ll,
    553004618757816492ll,  6895160632757959823ll, 8233623922264685171ll, 7139506338801360852ll,
    8550891222387991669ll, 5535668688139305547ll, 2430933853350256242ll, 5401941257863201076ll,
    8159640039107728799ll, 6157493831600770366ll, 7632066283658143750ll, 6308328381617103346ll,
    3681878764086140361ll, 3289686137190109749ll, 6587997200611086848ll, 244714774258135476ll,
    4079788377417136100ll, 8090302575944624335ll, 2945117363431356361ll, 864324395848741045ll,
    3009039260312620700ll, 8430027460082534031ll, 401084700045993341ll,  7254622446438694921ll,
    4707864159563588614ll, 5640248530963493951ll, 5982507712689997893ll, 3315098242282210105ll,
    5503847578771918426ll, 3941971367175193882ll, 8118566580304798074ll, 3839261274019871296ll,
    7062410411742090847ll, 741381002980207668ll,  6027994129690250817ll, 2497829994150063930ll,
    6251390334426228834ll, 1368930247903518833ll, 8809096399316380241ll, 6492004350391900708ll,
    2462145737463489636ll, 404828418920299174ll,  4153026434231690595ll, 261785715255475940ll,
    5464715384600071357ll, 592710404378763017ll,  6764129236657751224ll, 8513655718539357449ll,
    5820343663801914208ll, 385298524683789911ll,  5224135003438199467ll, 6303131641338802145ll,
    7150122561309371392ll, 368107899140673753ll,  3115186834558311558ll, 2915636353584281051ll,
    4782583894627718279ll, 6718292300699989587ll, 8387085186914375220ll, 3387513132024756289ll,
    4654329375432538231ll, 8930667561363381602ll, 5374373436876319273ll, 7623042350483453954ll,
    7725442901813263321ll, 9186225467561587250ll, 4091027289597503355ll, 2357631606492579800ll,
    2530936820058611833ll, 1636551876240043639ll, 5564664674334965799ll, 1452244145334316253ll,
    2061642381019690829ll, 1279580266495294036ll, 9108481583171221009ll, 6023278686734049809ll,
    5007630032676973346ll, 2153168792952589781ll, 6720334534964750538ll, 6041546491134794105ll,
    3433922409283786309ll, 2285479922797300912ll, 3110614940896576130ll, 6366559590722842893ll,
    5418791419666136509ll, 7163298419643543757ll, 4891138053923696990ll, 580618510277907015ll,
    1684034065251686769ll, 4429514767357295841ll, 330346578555450005ll,  1119637995812174675ll,
    7177515271653460134ll, 4589042248470800257ll, 7693288629059004563ll, 143607045258444228ll,
    246994305896273627ll,  866417324803099287ll,  6473547110565816071ll, 3092379936208876896ll,
    2058427839513754051ll, 5133784708526867938ll, 8785882556301281247ll, 6149332666841167611ll,
    8585842181454472135ll, 6137678347805511274ll, 2070447184436970006ll, 5708223427705576541ll,
    5999657892458244504ll, 4358391411789012426ll, 325123008708389849ll,  6837621693887290924ll,
    4843721905315627004ll, 6010651222149276415ll, 5398352198963874652ll, 4602025990114250980ll,
    1044646352569048800ll, 9106614159853161675ll, 829256115228593269ll,  4919284369102997000ll,
    2681532557646850893ll, 3681559472488511871ll, 5307999518958214035ll, 6334130388442829274ll,
    2658708232916537604ll, 1163313865052186287ll, 581945337509520675ll,  3648778920718647903ll,
    4423673246306544414ll, 1620799783996955743ll, 220828013409515943ll,  8150384699999389761ll,
    4287360518296753003ll, 4590000184845883843ll, 5513660857261085186ll, 6964829100392774275ll,
    478991688350776035ll,  8746140185685648781ll, 228500091334420247ll,  1356187007457302238ll,
    3019253992034194581ll, 3152601605678500003ll, 430152752706002213ll,  5559581553696971176ll,
    4916432985369275664ll, 663574931734554391ll,  3420773838927732076ll, 2868348622579915573ll,
    1999319134044418520ll, 3328689518636282723ll, 2587672709781371173ll, 1517255313529399333ll,
    3092343956317362483ll, 3662252519007064108ll, 972445599196498113ll,  7664865435875959367ll,
    1708913533482282562ll, 6917817162668868494ll, 3217629022545312900ll, 2570043027221707107ll,
    8739788839543624613ll, 2488075924621352812ll, 4694002395387436668ll, 4559628481798514356ll,
    2997203966153298104ll, 1282559373026354493ll, 240113143146674385ll,  8665713329246516443ll,
    628141331766346752ll,  4571950817186770476ll, 1472811188152235408ll, 7596648026010355826ll,
    6091219417754424743ll, 7834161864828164065ll, 7103445518877254909ll, 4390861237357459201ll,
    4442653864240571734ll, 8903482404847331368ll, 622261699494173647ll,  6037261250297213248ll,
    504404948065709118ll,  7275215526217113061ll, 1011176780856001400ll, 2194750105623461063ll,
    2623071828615234808ll, 5157313728073836108ll, 3738405111966602044ll, 2539767524076729570ll,
    2467284396349269342ll, 5256026990536851868ll, 7841086888628396109ll, 6640857538655893162ll,
    1202087339038317498ll, 2113514992440715978ll, 7534350895342931403ll, 4925284734898484745ll,
    5145623771477493805ll, 8225140880134972332ll, 2719520354384050532ll, 9132346697815513771ll,
    4332154495710163773ll, 7137789594094346916ll, 6994721091344268833ll, 6667228574869048934ll,
    655440045726677499ll,  59934747298466858ll,   6124974028078036405ll, 8957774780655365418ll,
    2332206071942466437ll, 1701056712286369627ll, 3154897383618636503ll, 1637766181387607527ll,
    2460521277767576533ll, 197309393502684135ll,  643677854385267315ll,  2543179307861934850ll,
    4350769010207485119ll, 4754652089410667672ll, 2015595502641514512ll, 7999059458976458608ll,
    4287946071480840813ll, 8362686366770308971ll, 6486469209321732151ll, 3617727845841796026ll,
    7554353525834302244ll, 4450022655153542367ll, 1605195740213535749ll, 5327014565305508387ll,
    4626575813550328320ll, 2692222020597705149ll, 241045573717249868ll,  5098046974627094010ll,
    7916882295460730264ll, 884817090297530579ll,  5329160409530630596ll, 7790979528857726136ll,
    4955070238059373407ll, 4918537275422674302ll, 3008076183950404629ll, 3007769226071157901ll,
    2470346235617803020ll, 8928702772696731736ll, 7856187920214445904ll, 4474874585391974885ll,
    7900176660600710914ll, 2140571127916226672ll, 2425445057265199971ll, 2486055153341847830ll,
    4186670094382025798ll, 1883939007446035042ll, 8808666044074867985ll, 3734134241178479257ll,
    4065968871360089196ll, 6953124200385847784ll, 1305686814738899057ll, 1637739099014457647ll,
    3656125660947993209ll, 3966759634633167020ll, 3106378204088556331ll, 6328899822778449810ll,
    4565385105440252958ll, 1979884289539493806ll, 2331793186920865425ll, 3783206694208922581ll,
    8464961209802336085ll, 2843963751609577687ll, 3030678195484896323ll, 4793717574095772604ll,
    4459239494808162889ll, 402587895800087237ll,  8057891408711167515ll, 4541888170938985079ll,
    1042662272908816815ll, 5557303057122568958ll, 2647678726283249984ll, 2144477441549833761ll,
    5806352215355387087ll, 7117771003473903623ll, 5916597177708541638ll, 462597715452321361ll,
    8833658097025758785ll, 5970273481425315300ll, 563813119381731307ll,  2768349550652697015ll,
    1598828206250873866ll, 5206393647403558110ll, 6235043485709261823ll, 3152217402014639496ll,
    8469693267274066490ll, 125672920241807416ll,  5311079624024060938ll, 6663754932310491587ll,
    8736848295048751716ll, 4488039774992061878ll, 5923302823487327109ll, 140891791083103236ll,
    7414942793393574290ll, 7990420780896957397ll, 4317817392807076702ll, 3625184369705367340ll,
    2740722765288122703ll, 5743100009702758344ll, 5997898640509039159ll, 8854493341352484163ll,
    5242208035432907801ll, 701338899890987198ll,  7609280429197514109ll, 3020985755112334161ll,
    6651322707055512866ll, 2635195723621160615ll, 5144520864246028816ll, 1035086515727829828ll,
    1567242097116389047ll, 8172389260191636581ll, 6337820351429292273ll, 2163012566996458925ll,
    2743190902890262681ll, 1906367633221323427ll, 6011544915663598137ll, 5932255307352610768ll,
    2241128460406315459ll, 895504896216695588ll,  3094483003111372717ll, 4583857460292963101ll,
    9079887171656594975ll, 8839289181930711403ll, 5762740387243057873ll, 4225072055348026230ll,
    1838220598389033063ll, 3801620336801580414ll, 8823526620080073856ll, 1776617605585100335ll,
    7899055018877642622ll, 5421679761463003041ll, 5521102963086275121ll, 4248279443559365898ll,
    8735487530905098534ll, 1760527091573692978ll, 7142485049657745894ll, 8222656872927218123ll,
    4969531564923704323ll, 3394475942196872480ll, 6424174453260338141ll, 359248545074932887ll,
    3273651282831730598ll, 6797106199797138596ll, 3030918217665093212ll, 145600834617314036ll,
    6036575856065626233ll, 740416251634527158ll,  7080427635449935582ll, 6951781370868335478ll,
    399922722363687927ll,  294902314447253185ll,  7844950936339178523ll, 880320858634709042ll,
    6192655680808675579ll, 411604686384710388ll,  9026808440365124461ll, 6440783557497587732ll,
    4615674634722404292ll, 539897290441580544ll,  2096238225866883852ll, 8751955639408182687ll,
    1907224908052289603ll, 7381039757301768559ll, 6157238513393239656ll, 7749994231914157575ll,
    8629571604380892756ll, 5280433031239081479ll, 7101611890139813254ll, 2479018537985767835ll,
    7169176924412769570ll, 7942066497793203302ll, 1357759729055557688ll, 2278447439451174845ll,
    3625338785743880657ll, 6477479539006708521ll, 8976185375579272206ll, 5511371554711836120ll,
    1326024180520890843ll, 7537449876596048829ll, 5464680203499696154ll, 3189671183162196045ll,
    6346751753565857109ll, 241159987320630307ll,  3095793449658682053ll, 8978332846736310159ll,
    2902794662273147216ll, 7208698530190629697ll, 7276901792339343736ll, 1732385229314443140ll,
    4133292154170828382ll, 2918308698224194548ll, 1519461397937144458ll, 5293934712616591764ll,
    4922828954023452664ll, 2879211533496425641ll, 5896236396443472108ll, 8465043815351752425ll,
    7329020396871624740ll, 8915471717014488588ll, 2944902635677463047ll, 7052079073493465134ll,
    8382142935188824023ll, 9103922860780351547ll, 4152330101494654406ll,
};

/* The Park-Miller step: x[n+1] = 48271 * x[n] mod (2**31 - 1). */
static int32_t seedrand(int32_t x)
{
    int32_t hi = x / 44488, lo = x % 44488;
    x = 48271 * lo - 3399 * hi;
    if (x < 0)
        x += 2147483647;
    return x;
}

/* An rngSource: words [0] tap, [1] feed, [2..] the 607-word register. */
static void rng_seed(gcell *r, int64_t seed)
{
    cell_set(&r[0], 0);
    cell_set(&r[1], RNG_LEN - RNG_TAP);
    seed %= 2147483647;
    if (seed < 0)
        seed += 2147483647;
    if (seed == 0)
        seed = 89482311;
    int32_t x = (int32_t)seed;
    for (int i = -20; i < RNG_LEN; i++) {
        x = seedrand(x);
        if (i >= 0) {
            uint64_t u = (uint64_t)(int64_t)x << 40;
            x = seedrand(x);
            u ^= (uint64_t)(int64_t)x << 20;
            x = seedrand(x);
            u ^= (uint64_t)(int64_t)x;
            u ^= (uint64_t)rng_cooked[i];
            cell_set(&r[2 + i], u & RNG_MASK);
        }
    }
}

static int64_t rng_int63(gcell *r)
{
    int64_t tap = (int64_t)cell_get(&r[0]) - 1, feed = (int64_t)cell_get(&r[1]) - 1;
    if (tap < 0)
        tap += RNG_LEN;
    if (feed < 0)
        feed += RNG_LEN;
    cell_set(&r[0], (uint64_t)tap);
    cell_set(&r[1], (uint64_t)feed);
    uint64_t x = (cell_get(&r[2 + feed]) + cell_get(&r[2 + tap])) & RNG_MASK;
    cell_set(&r[2 + feed], x);
    return (int64_t)x;
}

/* The top-level functions' source (Go's lockedSource). */
typedef struct rand_global {
    ps_lock mu;
    gcell *rng;
} rand_global;

/* Where Int63 comes from: an rngSource (locked: the global one) or a
 * Source of the program's own. */
typedef struct rsrc {
    gor *g;
    gcell *rng;
    ps_lock *mu;
    const giface *src;
} rsrc;

static int64_t src_int63(rsrc *s)
{
    if (s->rng) {
        if (s->mu)
            ps_lock_acquire(s->mu);
        int64_t v = rng_int63(s->rng);
        if (s->mu)
            ps_lock_release(s->mu);
        return v;
    }
    gcell r[1];
    if (!eval_call_method0(s->g, s->src, "Int63", r))
        gor_panic_runtime(s->g, "invalid memory address or nil pointer dereference");
    return (int64_t)cell_get(&r[0]);
}

static const gtype *rng_ptr_type(gor *g)
{
    gtype *t = lib_type(g->vm, "math/rand", "rngSource");
    gtypes *ts = &g->vm->prog->types;
    for (int i = 0; t && i < ts->n; i++)
        if (ts->all[i]->kind == GK_POINTER && ts->all[i]->elem == t)
            return ts->all[i];
    gor_fatal(g, "poolscope: internal error: no *rand.rngSource");
}

static rsrc global_src(gor *g)
{
    rand_global *rg = g->vm->rand_global;
    return (rsrc){.g = g, .rng = rg->rng, .mu = &rg->mu};
}

/* A *Rand's source: struct{ src Source }. */
static rsrc rand_src(gor *g, const gcell *args)
{
    const gcell *r = (const gcell *)(uintptr_t)cell_get(&args[0]);
    if (!r)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    const giface *src = (const giface *)(uintptr_t)cell_get(&r[0]);
    if (src && src->t == rng_ptr_type(g))
        return (rsrc){.g = g, .rng = (gcell *)(uintptr_t)cell_get(&src->v[0])};
    return (rsrc){.g = g, .src = src};
}

/* ---- Go 1.19's Rand methods over a source ---- */

static int32_t r_int31(rsrc *s)
{
    return (int32_t)(src_int63(s) >> 32);
}

static uint32_t r_uint32(rsrc *s)
{
    return (uint32_t)(src_int63(s) >> 31);
}

static int64_t r_int63n(rsrc *s, int64_t n)
{
    if (n <= 0)
        gor_panic_string(s->g, "invalid argument to Int63n");
    if ((n & (n - 1)) == 0)
        return src_int63(s) & (n - 1);
    int64_t max = (int64_t)((1ull << 63) - 1 - (1ull << 63) % (uint64_t)n);
    int64_t v = src_int63(s);
    while (v > max)
        v = src_int63(s);
    return v % n;
}

static int32_t r_int31n(rsrc *s, int32_t n)
{
    if (n <= 0)
        gor_panic_string(s->g, "invalid argument to Int31n");
    if ((n & (n - 1)) == 0)
        return r_int31(s) & (n - 1);
    int32_t max = (int32_t)((1u << 31) - 1 - (1u << 31) % (uint32_t)n);
    int32_t v = r_int31(s);
    while (v > max)
        v = r_int31(s);
    return v % n;
}

/* Shuffle's unexported int31n: Lemire's multiply-and-reject. */
static int32_t r_int31n_fast(rsrc *s, int32_t n)
{
    uint32_t v = r_uint32(s);
    uint64_t prod = (uint64_t)v * (uint64_t)n;
    uint32_t low = (uint32_t)prod;
    if (low < (uint32_t)n) {
        uint32_t thresh = (uint32_t)-n % (uint32_t)n;
        while (low < thresh) {
            v = r_uint32(s);
            prod = (uint64_t)v * (uint64_t)n;
            low = (uint32_t)prod;
        }
    }
    return (int32_t)(prod >> 32);
}

static int64_t r_intn(rsrc *s, int64_t n)
{
    if (n <= 0)
        gor_panic_string(s->g, "invalid argument to Intn");
    if (n <= 2147483647)
        return r_int31n(s, (int32_t)n);
    return r_int63n(s, n);
}

static double r_float64(rsrc *s)
{
    for (;;) {
        double f = (double)src_int63(s) / 9223372036854775808.0;
        if (f != 1)
            return f;
    }
}

static uint64_t r_perm(rsrc *s, int64_t n)
{
    if (n < 0)
        gor_panic_string(s->g, "invalid argument to Intn");
    gslice *m = lib_slice_make(s->g, n, n);
    for (int64_t i = 0; i < n; i++) {
        int64_t j = r_intn(s, i + 1);
        cell_set(&m->base[i], cell_get(&m->base[j]));
        cell_set(&m->base[j], (uint64_t)i);
    }
    return (uint64_t)(uintptr_t)m;
}

static void r_shuffle(rsrc *s, int64_t n, gclosure *swap)
{
    if (n < 0)
        gor_panic_string(s->g, "invalid argument to Shuffle");
    gcell a[2], none[1];
    int64_t i = n - 1;
    for (; i > 2147483646; i--) {
        cell_set(&a[0], (uint64_t)i);
        cell_set(&a[1], (uint64_t)r_int63n(s, i + 1));
        eval_call(s->g, swap, a, none);
    }
    for (; i > 0; i--) {
        cell_set(&a[0], (uint64_t)i);
        cell_set(&a[1], (uint64_t)(int64_t)r_int31n_fast(s, (int32_t)(i + 1)));
        eval_call(s->g, swap, a, none);
    }
}

/* Each method twice: on a *Rand (receiver first) and top-level. */
#define RAND_BOTH(name, body)                                                                      \
    static void name##_impl(rsrc *s, gcell *args, gcell *res)                                      \
    {                                                                                              \
        (void)args;                                                                                \
        (void)res;                                                                                 \
        body;                                                                                      \
    }                                                                                              \
    static void name##_method(gor *g, gcell *args, gcell *res)                                     \
    {                                                                                              \
        rsrc s = rand_src(g, args);                                                                \
        name##_impl(&s, args + 1, res);                                                            \
    }                                                                                              \
    static void name##_top(gor *g, gcell *args, gcell *res)                                        \
    {                                                                                              \
        rsrc s = global_src(g);                                                                    \
        name##_impl(&s, args, res);                                                                \
    }

RAND_BOTH(int63, cell_set(&res[0], (uint64_t)src_int63(s)))
RAND_BOTH(uint32, cell_set(&res[0], (uint64_t)r_uint32(s)))
RAND_BOTH(int31, cell_set(&res[0], (uint64_t)(int64_t)r_int31(s)))
RAND_BOTH(int, cell_set(&res[0], (uint64_t)src_int63(s)))
RAND_BOTH(int63n, cell_set(&res[0], (uint64_t)r_int63n(s, (int64_t)cell_get(&args[0]))))
RAND_BOTH(int31n,
          cell_set(&res[0], (uint64_t)(int64_t)r_int31n(s, (int32_t)(int64_t)cell_get(&args[0]))))
RAND_BOTH(intn, cell_set(&res[0], (uint64_t)r_intn(s, (int64_t)cell_get(&args[0]))))
RAND_BOTH(float64, cell_set(&res[0], f64_cell(r_float64(s))))
RAND_BOTH(float32, {
    float f;
    do
        f = (float)r_float64(s);
    while (f == 1);
    cell_set(&res[0], f64_cell((double)f));
})
RAND_BOTH(perm, cell_set(&res[0], r_perm(s, (int64_t)cell_get(&args[0]))))
RAND_BOTH(shuffle,
          r_shuffle(s, (int64_t)cell_get(&args[0]), (gclosure *)(uintptr_t)cell_get(&args[1])))

static void seed_top(gor *g, gcell *args, gcell *res)
{
    (void)res;
    rand_global *rg = g->vm->rand_global;
    ps_lock_acquire(&rg->mu);
    rng_seed(rg->rng, (int64_t)cell_get(&args[0]));
    ps_lock_release(&rg->mu);
}

static void rand_seed_method(gor *g, gcell *args, gcell *res)
{
    rsrc s = rand_src(g, args);
    if (s.rng) {
        rng_seed(s.rng, (int64_t)cell_get(&args[1]));
        return;
    }
    if (!eval_call_method(g, s.src, "Seed", args + 1, 1, res))
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
}

/* ---- sources and generators ---- */

static gcell *rng_new(gor *g, int64_t seed)
{
    gcell *r = gor_alloc(g, 2 + RNG_LEN);
    rng_seed(r, seed);
    return r;
}

static void new_source_native(gor *g, gcell *args, gcell *res)
{
    gcell *r = rng_new(g, (int64_t)cell_get(&args[0]));
    cell_set(&res[0], (uint64_t)(uintptr_t)gor_box1(g, rng_ptr_type(g), (uint64_t)(uintptr_t)r));
}

static void new_native(gor *g, gcell *args, gcell *res)
{
    gcell *obj = gor_alloc(g, 1);
    cell_set(&obj[0], cell_get(&args[0]));
    cell_set(&res[0], (uint64_t)(uintptr_t)obj);
}

static gcell *rng_of(gor *g, const gcell *args)
{
    gcell *r = (gcell *)(uintptr_t)cell_get(&args[0]);
    if (!r)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    return r;
}

static void rng_int63_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], (uint64_t)rng_int63(rng_of(g, args)));
}

static void rng_seed_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    rng_seed(rng_of(g, args), (int64_t)cell_get(&args[1]));
}

/* The hidden globalRand variable: made before any goroutine runs. */
static void global_init(gor *g, gcell *args, gcell *res)
{
    (void)args;
    rand_global *rg = gor_alloc_bytes(g, sizeof *rg);
    ps_lock_init(&rg->mu);
    rg->rng = rng_new(g, 1); /* Go 1.19: seeded with 1 unless Seed is called */
    g->vm->rand_global = rg;
    cell_set(&res[0], 0);
}

const golib_native lib_rand_natives[] = {
    {"Int63", int63_top},
    {"Uint32", uint32_top},
    {"Int31", int31_top},
    {"Int", int_top},
    {"Int63n", int63n_top},
    {"Int31n", int31n_top},
    {"Intn", intn_top},
    {"Float64", float64_top},
    {"Float32", float32_top},
    {"Perm", perm_top},
    {"Shuffle", shuffle_top},
    {"Seed", seed_top},
    {"NewSource", new_source_native},
    {"New", new_native},
    {"*Rand.Int63", int63_method},
    {"*Rand.Uint32", uint32_method},
    {"*Rand.Int31", int31_method},
    {"*Rand.Int", int_method},
    {"*Rand.Int63n", int63n_method},
    {"*Rand.Int31n", int31n_method},
    {"*Rand.Intn", intn_method},
    {"*Rand.Float64", float64_method},
    {"*Rand.Float32", float32_method},
    {"*Rand.Perm", perm_method},
    {"*Rand.Shuffle", shuffle_method},
    {"*Rand.Seed", rand_seed_method},
    {"*rngSource.Int63", rng_int63_native},
    {"*rngSource.Seed", rng_seed_native},
    {"globalRand", global_init},
    {NULL, NULL},
};
