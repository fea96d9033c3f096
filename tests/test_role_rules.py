"""The role rules (eventwire.coding.role_rules) one by one, on documents made by hand
(tests/handmade.py) rather than parsed: a change to a rule fails here, a change of the parser's
reading of a sentence fails in tests/test_coding.py.

Each rule has an example sentence (its docstring's), parsed here by hand. A test runs the rules
before it, then the rule alone, or codes the whole document with the rule switched on and off.
"""

from __future__ import annotations

import pytest

from eventwire.coding import role_rules as rr
from eventwire.coding.actors import ActorResolver
from eventwire.coding.events import code_document, code_sentence
from eventwire.coding.knowledge import DEFAULT
from eventwire.coding.locate import EventPlaces
from eventwire.coding.places import DocPlaces
from eventwire.coding.relevance import DocRelevance
from eventwire.coding.role_rules import RULE_NAMES, RULES, Draft, Rule, rules_without
from eventwire.coding.spans import sentences
from eventwire.coding.when import DocDates
from eventwire.model import Actor
from handmade import table

# The hand-made parses: each row a token (word, lemma, POS, tag, dependency, head, entity).
DOCS = {
    "Officials hope the deal will hold.": """
        Officials official NOUN  NNS nsubj 1
        hope      hope     VERB  VBP ROOT  1
        the       the      DET   DT  det   3
        deal      deal     NOUN  NN  nsubj 5
        will      will     AUX   MD  aux   5
        hold      hold     VERB  VB  ccomp 1
        .         .        PUNCT .   punct 1
        """,
    "Many residents voted for the mayor.": """
        Many      many     ADJ   JJ  amod  1
        residents resident NOUN  NNS nsubj 2
        voted     vote     VERB  VBD ROOT  2
        for       for      ADP   IN  prep  2
        the       the      DET   DT  det   5
        mayor     mayor    NOUN  NN  pobj  3
        .         .        PUNCT .   punct 2
        """,
    "The attack on the concert hall killed 22 people.": """
        The     the     DET   DT  det      1
        attack  attack  NOUN  NN  nsubj    6
        on      on      ADP   IN  prep     1
        the     the     DET   DT  det      5
        concert concert NOUN  NN  compound 5
        hall    hall    NOUN  NN  pobj     2
        killed  kill    VERB  VBD ROOT     6
        22      22      NUM   CD  nummod   8 B-CARDINAL
        people  people  NOUN  NNS dobj     6
        .       .       PUNCT .   punct    6
        """,
    "Trump destroyed his rivals in the primary.": """
        Trump   Trump   PROPN NNP  nsubj 1 B-PERSON
        destroyed destroy VERB  VBD  ROOT  1
        his     his     PRON  PRP$ poss  3
        rivals  rival   NOUN  NNS  dobj  1
        in      in      ADP   IN   prep  1
        the     the     DET   DT   det   6
        primary primary NOUN  NN   pobj  4
        .       .       PUNCT .    punct 1
        """,
    "Tourists travelled to Egypt on holiday.": """
        Tourists  tourist NOUN  NNS  nsubj    1
        travelled travel  VERB  VBD  ROOT     1
        to        to      ADP   IN   prep     1
        Egypt     Egypt   PROPN NNP  pobj     2 B-GPE
        on        on      ADP   IN   prep     1
        holiday   holiday NOUN  NN   pobj     4
        .         .       PUNCT .    punct    1
        """,
    "Trump lamented Clinton's vote.": """
        Trump    Trump   PROPN NNP  nsubj    1 B-PERSON
        lamented lament  VERB  VBD  ROOT     1
        Clinton  Clinton PROPN NNP  poss     4 B-PERSON
        's       's      PART  POS  case     2
        vote     vote    NOUN  NN   dobj     1
        .        .       PUNCT .    punct    1
        """,
    "Rubio voted early in Miami.": """
        Rubio Rubio PROPN NNP  nsubj    1 B-PERSON
        voted vote  VERB  VBD  ROOT     1
        early early ADV   RB   advmod   1
        in    in    ADP   IN   prep     1
        Miami Miami PROPN NNP  pobj     3 B-GPE
        .     .     PUNCT .    punct    1
        """,
    "The president travelled to Egypt.": """
        The       the       DET   DT   det      1
        president president NOUN  NN   nsubj    2
        travelled travel    VERB  VBD  ROOT     2
        to        to        ADP   IN   prep     2
        Egypt     Egypt     PROPN NNP  pobj     3 B-GPE
        .         .         PUNCT .    punct    2
        """,
    "Obama campaigned for Clinton.": """
        Obama      Obama    PROPN NNP  nsubj    1 B-PERSON
        campaigned campaign VERB  VBD  ROOT     1
        for        for      ADP   IN   prep     1
        Clinton    Clinton  PROPN NNP  pobj     2 B-PERSON
        .          .        PUNCT .    punct    1
        """,
    "Trump called for a special prosecutor.": """
        Trump      Trump      PROPN NNP  nsubj    1 B-PERSON
        called     call       VERB  VBD  ROOT     1
        for        for        ADP   IN   prep     1
        a          a          DET   DT   det      5
        special    special    ADJ   JJ   amod     5
        prosecutor prosecutor NOUN  NN   pobj     2
        .          .          PUNCT .    punct    1
        """,
    "The missile was launched on Tuesday.": """
        The      the     DET   DT   det      1
        missile  missile NOUN  NN   nsubjpass 3
        was      be      AUX   VBD  auxpass  3
        launched launch  VERB  VBN  ROOT     3
        on       on      ADP   IN   prep     3
        Tuesday  Tuesday PROPN NNP  pobj     4 B-DATE
        .        .       PUNCT .    punct    3
        """,
    "Democrats rallied around Clinton.": """
        Democrats Democrats PROPN NNPS nsubj 1 B-NORP
        rallied   rally     VERB  VBD  ROOT  1
        around    around    ADP   IN   prep  1
        Clinton   Clinton   PROPN NNP  pobj  2 B-PERSON
        .         .         PUNCT .    punct 1
        """,
    "His rally in Ohio drew thousands.": """
        His       his      PRON  PRP$ poss  1
        rally     rally    NOUN  NN   nsubj 4
        in        in       ADP   IN   prep  1
        Ohio      Ohio     PROPN NNP  pobj  2 B-GPE
        drew      draw     VERB  VBD  ROOT  4
        thousands thousand NOUN  NNS  dobj  4 B-CARDINAL
        .         .        PUNCT .    punct 4
        """,
    "The senator seemed to agree.": """
        The     the     DET   DT  det   1
        senator senator NOUN  NN  nsubj 2
        seemed  seem    VERB  VBD ROOT  2
        to      to      PART  TO  aux   4
        agree   agree   VERB  VB  xcomp 2
        .       .       PUNCT .   punct 2
        """,
    "Rubio is not ready for the White House.": """
        Rubio Rubio PROPN NNP nsubj    1 B-PERSON
        is    be    AUX   VBZ ROOT     1
        not   not   PART  RB  neg      1
        ready ready ADJ   JJ  acomp    1
        for   for   ADP   IN  prep     3
        the   the   DET   DT  det      7 B-ORG
        White White PROPN NNP compound 7 I-ORG
        House House PROPN NNP pobj     4 I-ORG
        .     .     PUNCT .   punct    1
        """,
    "Iran said it was ready for talks with Europe.": """
        Iran   Iran   PROPN NNP nsubj 1 B-GPE
        said   say    VERB  VBD ROOT  1
        it     it     PRON  PRP nsubj 3
        was    be     AUX   VBD ccomp 1
        ready  ready  ADJ   JJ  acomp 3
        for    for    ADP   IN  prep  4
        talks  talk   NOUN  NNS pobj  5
        with   with   ADP   IN  prep  6
        Europe Europe PROPN NNP pobj  7 B-LOC
        .      .      PUNCT .   punct 1
        """,
    "Seoul considered it a missile test.": """
        Seoul      Seoul    PROPN NNP nsubj    1 B-GPE
        considered consider VERB  VBD ROOT     1
        it         it       PRON  PRP nsubj    5
        a          a        DET   DT  det      5
        missile    missile  NOUN  NN  compound 5
        test       test     NOUN  NN  ccomp    1
        .          .        PUNCT .   punct    1
        """,
    "Seoul considered imposing sanctions.": """
        Seoul      Seoul    PROPN NNP nsubj 1 B-GPE
        considered consider VERB  VBD ROOT  1
        imposing   impose   VERB  VBG xcomp 1
        sanctions  sanction NOUN  NNS dobj  2
        .          .        PUNCT .   punct 1
        """,
    "Nobody wins by attacking Trump.": """
        Nobody    nobody PRON  NN  nsubj 1
        wins      win    VERB  VBZ ROOT  1
        by        by     ADP   IN  prep  1
        attacking attack VERB  VBG pcomp 2
        Trump     Trump  PROPN NNP dobj  3 B-PERSON
        .         .      PUNCT .   punct 1
        """,
    "The campaign rally in Ohio drew thousands.": """
        The       the      DET   DT  det      2
        campaign  campaign NOUN  NN  compound 2
        rally     rally    NOUN  NN  nsubj    5
        in        in       ADP   IN  prep     2
        Ohio      Ohio     PROPN NNP pobj     3 B-GPE
        drew      draw     VERB  VBD ROOT     5
        thousands thousand NOUN  NNS dobj     5 B-CARDINAL
        .         .        PUNCT .   punct    5
        """,
    "The senator demonstrated his command of the budget.": """
        The          the         DET   DT   det   1
        senator      senator     NOUN  NN   nsubj 2
        demonstrated demonstrate VERB  VBD  ROOT  2
        his          his         PRON  PRP$ poss  4
        command      command     NOUN  NN   dobj  2
        of           of          ADP   IN   prep  4
        the          the         DET   DT   det   7
        budget       budget      NOUN  NN   pobj  5
        .            .           PUNCT .    punct 2
        """,
    "The reporter asked the senator about the emails.": """
        The      the      DET   DT  det   1
        reporter reporter NOUN  NN  nsubj 2
        asked    ask      VERB  VBD ROOT  2
        the      the      DET   DT  det   4
        senator  senator  NOUN  NN  dobj  2
        about    about    ADP   IN  prep  2
        the      the      DET   DT  det   7
        emails   email    NOUN  NNS pobj  5
        .        .        PUNCT .   punct 2
        """,
    "The minister warned that prices would rise.": """
        The      the      DET   DT  det   1
        minister minister NOUN  NN  nsubj 2
        warned   warn     VERB  VBD ROOT  2
        that     that     SCONJ IN  mark  6
        prices   price    NOUN  NNS nsubj 6
        would    would    AUX   MD  aux   6
        rise     rise     VERB  VB  ccomp 2
        .        .        PUNCT .   punct 2
        """,
    "Russia warned that it would retaliate.": """
        Russia    russia    PROPN NNP nsubj 1 B-GPE
        warned    warn      VERB  VBD ROOT  1
        that      that      SCONJ IN  mark  5
        it        it        PRON  PRP nsubj 5
        would     would     AUX   MD  aux   5
        retaliate retaliate VERB  VB  ccomp 1
        .         .         PUNCT .   punct 1
        """,
    "Russia warned of consequences.": """
        Russia       russia      PROPN NNP nsubj 1 B-GPE
        warned       warn        VERB  VBD ROOT  1
        of           of          ADP   IN  prep  1
        consequences consequence NOUN  NNS pobj  2
        .            .           PUNCT .   punct 1
        """,
    "The senator warned of the dangers.": """
        The     the     DET   DT  det   1
        senator senator NOUN  NN  nsubj 2
        warned  warn    VERB  VBD ROOT  2
        of      of      ADP   IN  prep  2
        the     the     DET   DT  det   5
        dangers danger  NOUN  NNS pobj  3
        .       .       PUNCT .   punct 2
        """,
    "Trump attacked Clinton over her emails.": """
        Trump    Trump    PROPN NNP  nsubj 1 B-PERSON
        attacked attack   VERB  VBD  ROOT  1
        Clinton  Clinton  PROPN NNP  dobj  1 B-PERSON
        over     over     ADP   IN   prep  1
        her      her      PRON  PRP$ poss  5
        emails   email    NOUN  NNS  pobj  3
        .        .        PUNCT .    punct 1
        """,
    "North Korea fired a missile over Japan.": """
        North   North   PROPN NNP compound 1 B-GPE
        Korea   Korea   PROPN NNP nsubj    2 I-GPE
        fired   fire    VERB  VBD ROOT     2
        a       a       DET   DT  det      4
        missile missile NOUN  NN  dobj     2
        over    over    ADP   IN  prep     4
        Japan   Japan   PROPN NNP pobj     5 B-GPE
        .       .       PUNCT .   punct    2
        """,
    "The French president hosted a televised debate.": """
        The       the       DET   DT  det   2
        French    french    ADJ   JJ  amod  2 B-NORP
        president president NOUN  NN  nsubj 3
        hosted    host      VERB  VBD ROOT  3
        a         a         DET   DT  det   6
        televised televise  VERB  VBN amod  6
        debate    debate    NOUN  NN  dobj  3
        .         .         PUNCT .   punct 3
        """,
    "The storm killed 12 people.": """
        The    the    DET   DT  det    1
        storm  storm  NOUN  NN  nsubj  2
        killed kill   VERB  VBD ROOT   2
        12     12     NUM   CD  nummod 4 B-CARDINAL
        people people NOUN  NNS dobj   2
        .      .      PUNCT .   punct  2
        """,
    "Modi visited Turkey after the earthquake that killed 50,000 people.": """
        Modi       Modi       PROPN NNP nsubj  1
        visited    visit      VERB  VBD ROOT   1
        Turkey     Turkey     PROPN NNP dobj   1 B-GPE
        after      after      ADP   IN  prep   1
        the        the        DET   DT  det    5
        earthquake earthquake NOUN  NN  pobj   3
        that       that       PRON  WDT nsubj  7
        killed     kill       VERB  VBD relcl  5
        50,000     50,000     NUM   CD  nummod 9 B-CARDINAL
        people     people     NOUN  NNS dobj   7
        .          .          PUNCT .   punct  1
        """,
    "Russian troops attacked Ukrainian positions.": """
        Russian   russian   ADJ   JJ  amod  1 B-NORP
        troops    troop     NOUN  NNS nsubj 2
        attacked  attack    VERB  VBD ROOT  2
        Ukrainian ukrainian ADJ   JJ  amod  4 B-NORP
        positions position  NOUN  NNS dobj  2
        .         .         PUNCT .   punct 2
        """,
    "Police in Lagos arrested 12 people amid clashes.": """
        Police   police NOUN  NNS nsubj  3
        in       in     ADP   IN  prep   0
        Lagos    Lagos  PROPN NNP pobj   1 B-GPE
        arrested arrest VERB  VBD ROOT   3
        12       12     NUM   CD  nummod 5 B-CARDINAL
        people   people NOUN  NNS dobj   3
        amid     amid   ADP   IN  prep   3
        clashes  clash  NOUN  NNS pobj   6
        .        .      PUNCT .   punct  3
        """,
    "Business owners protested at a market in Bishkek.": """
        Business  business NOUN  NN  compound 1
        owners    owner    NOUN  NNS nsubj    2
        protested protest  VERB  VBD ROOT     2
        at        at       ADP   IN  prep     2
        a         a        DET   DT  det      5
        market    market   NOUN  NN  pobj     3
        in        in       ADP   IN  prep     5
        Bishkek   Bishkek  PROPN NNP pobj     6 B-GPE
        .         .        PUNCT .   punct    2
        """,
    "A Russian missile strike killed five people.": """
        A       a       DET   DT  det      3
        Russian russian ADJ   JJ  amod     3 B-NORP
        missile missile NOUN  NN  compound 3
        strike  strike  NOUN  NN  nsubj    4
        killed  kill    VERB  VBD ROOT     4
        five    five    NUM   CD  nummod   6 B-CARDINAL
        people  people  NOUN  NNS dobj     4
        .       .       PUNCT .   punct    4
        """,
    "Russian forces shelled Kharkiv.": """
        Russian russian ADJ   JJ  amod  1 B-NORP
        forces  force   NOUN  NNS nsubj 2
        shelled shell   VERB  VBD ROOT  2
        Kharkiv Kharkiv PROPN NNP dobj  2 B-GPE
        .       .       PUNCT .   punct 2
        """,
    "Russia protested to Japan.": """
        Russia    Russia  PROPN NNP nsubj 1 B-GPE
        protested protest VERB  VBD ROOT  1
        to        to      ADP   IN  prep  1
        Japan     Japan   PROPN NNP pobj  2 B-GPE
        .         .       PUNCT .   punct 1
        """,
    "North Korea raised tensions with South Korea, including blowing up roads.": """
        North     North   PROPN NNP compound 1 B-GPE
        Korea     Korea   PROPN NNP nsubj    2 I-GPE
        raised    raise   VERB  VBD ROOT     2
        tensions  tension NOUN  NNS dobj     2
        with      with    ADP   IN  prep     3
        South     South   PROPN NNP compound 6 B-GPE
        Korea     Korea   PROPN NNP pobj     4 I-GPE
        ,         ,       PUNCT ,   punct    3
        including include VERB  VBG prep     3
        blowing   blow    VERB  VBG pcomp    8
        up        up      ADP   RP  prt      9
        roads     road    NOUN  NNS dobj     9
        .         .       PUNCT .   punct    2
        """,
    "Washington refused to ease sanctions on Caracas.": """
        Washington Washington PROPN NNP nsubj 1 B-GPE
        refused    refuse     VERB  VBD ROOT  1
        to         to         PART  TO  aux   3
        ease       ease       VERB  VB  xcomp 1
        sanctions  sanction   NOUN  NNS dobj  3
        on         on         ADP   IN  prep  4
        Caracas    Caracas    PROPN NNP pobj  5 B-GPE
        .          .          PUNCT .   punct 1
        """,
    "Israeli police raided and closed the Al Jazeera office.": """
        Israeli israeli ADJ   JJ  amod     1 B-NORP
        police  police  NOUN  NNS nsubj    2
        raided  raid    VERB  VBD ROOT     2
        and     and     CCONJ CC  cc       2
        closed  close   VERB  VBD conj     2
        the     the     DET   DT  det      8
        Al      Al      PROPN NNP compound 7 B-ORG
        Jazeera Jazeera PROPN NNP compound 8 I-ORG
        office  office  NOUN  NN  dobj     4
        .       .       PUNCT .   punct    2
        """,
    "The Japanese envoy flew to Dallas.": """
        The      the      DET   DT  det   2
        Japanese japanese ADJ   JJ  amod  2 B-NORP
        envoy    envoy    NOUN  NN  nsubj 3
        flew     fly      VERB  VBD ROOT  3
        to       to       ADP   IN  prep  3
        Dallas   Dallas   PROPN NNP pobj  4 B-GPE
        .        .        PUNCT .   punct 3
        """,
    "A Chinese blockade of Taiwan would trigger a crisis.": """
        A        a        DET   DT  det   2
        Chinese  chinese  ADJ   JJ  amod  2 B-NORP
        blockade blockade NOUN  NN  nsubj 6
        of       of       ADP   IN  prep  2
        Taiwan   Taiwan   PROPN NNP pobj  3 B-GPE
        would    would    AUX   MD  aux   6
        trigger  trigger  VERB  VB  ROOT  6
        a        a        DET   DT  det   8
        crisis   crisis   NOUN  NN  dobj  6
        .        .        PUNCT .   punct 6
        """,
    "10,000 soldiers are expected to be deployed to Russia.": """
        10,000   10,000  NUM   CD  nummod    1 B-CARDINAL
        soldiers soldier NOUN  NNS nsubjpass 3
        are      be      AUX   VBP auxpass   3
        expected expect  VERB  VBN ROOT      3
        to       to      PART  TO  aux       6
        be       be      AUX   VB  auxpass   6
        deployed deploy  VERB  VBN xcomp     3
        to       to      ADP   IN  prep      6
        Russia   Russia  PROPN NNP pobj      7 B-GPE
        .        .       PUNCT .   punct     3
        """,
    "Police dispersed protesters.": """
        Police     police    NOUN  NNS nsubj 1
        dispersed  disperse  VERB  VBD ROOT  1
        protesters protester NOUN  NNS dobj  1
        .          .         PUNCT .   punct 1
        """,
    "Colombia broke off relations with Israel over the war in Gaza.": """
        Colombia  Colombia PROPN NNP nsubj 1 B-GPE
        broke     break    VERB  VBD ROOT  1
        off       off      ADP   RP  prt   1
        relations relation NOUN  NNS dobj  1
        with      with     ADP   IN  prep  3
        Israel    Israel   PROPN NNP pobj  4 B-GPE
        over      over     ADP   IN  prep  3
        the       the      DET   DT  det   8
        war       war      NOUN  NN  pobj  6
        in        in       ADP   IN  prep  8
        Gaza      Gaza     PROPN NNP pobj  9 B-GPE
        .         .        PUNCT .   punct 1
        """,
    "The Pentagon ordered an aircraft carrier to the Mediterranean.": """
        The           the           DET   DT  det      1
        Pentagon      Pentagon      PROPN NNP nsubj    2 B-ORG
        ordered       order         VERB  VBD ROOT     2
        an            an            DET   DT  det      5
        aircraft      aircraft      NOUN  NN  compound 5
        carrier       carrier       NOUN  NN  dobj     2
        to            to            ADP   IN  prep     2
        the           the           DET   DT  det      8
        Mediterranean Mediterranean PROPN NNP pobj     6 B-LOC
        .             .             PUNCT .   punct    2
        """,
    "Indian authorities shut down mobile internet in Manipur.": """
        Indian      indian    ADJ   JJ  amod  1 B-NORP
        authorities authority NOUN  NNS nsubj 2
        shut        shut      VERB  VBD ROOT  2
        down        down      ADP   RP  prt   2
        mobile      mobile    ADJ   JJ  amod  5
        internet    internet  NOUN  NN  dobj  2
        in          in        ADP   IN  prep  2
        Manipur     Manipur   PROPN NNP pobj  6 B-GPE
        .           .         PUNCT .   punct 2
        """,
    "Clashes between Ethiopian troops and Fano militiamen erupted in Gondar.": """
        Clashes    clash      NOUN  NNS nsubj    7
        between    between    ADP   IN  prep     0
        Ethiopian  ethiopian  ADJ   JJ  amod     3 B-NORP
        troops     troop      NOUN  NNS pobj     1
        and        and        CCONJ CC  cc       3
        Fano       Fano       PROPN NNP compound 6 B-ORG
        militiamen militiaman NOUN  NNS conj     3
        erupted    erupt      VERB  VBD ROOT     7
        in         in         ADP   IN  prep     7
        Gondar     Gondar     PROPN NNP pobj     8 B-GPE
        .          .          PUNCT .   punct    7
        """,
    "Israeli jets struck targets near Damascus.": """
        Israeli  israeli  ADJ   JJ  amod  1 B-NORP
        jets     jet      NOUN  NNS nsubj 2
        struck   strike   VERB  VBD ROOT  2
        targets  target   NOUN  NNS dobj  2
        near     near     ADP   IN  prep  2
        Damascus Damascus PROPN NNP pobj  4 B-GPE
        .        .        PUNCT .   punct 2
        """,
    "Panamanian teachers held a strike.": """
        Panamanian panamanian ADJ   JJ  amod  1 B-NORP
        teachers   teacher    NOUN  NNS nsubj 2
        held       hold       VERB  VBD ROOT  2
        a          a          DET   DT  det   4
        strike     strike     NOUN  NN  dobj  2
        .          .          PUNCT .   punct 2
        """,
    "Kenya's President William Ruto withdrew the finance bill.": """
        Kenya     Kenya     PROPN NNP poss     2 B-GPE
        's        's        PART  POS case     0
        President President PROPN NNP nsubj    5
        William   William   PROPN NNP compound 4 B-PERSON
        Ruto      Ruto      PROPN NNP appos    2 I-PERSON
        withdrew  withdraw  VERB  VBD ROOT     5
        the       the       DET   DT  det      8
        finance   finance   NOUN  NN  compound 8
        bill      bill      NOUN  NN  dobj     5
        .         .         PUNCT .   punct    5
        """,
    "Two soldiers were killed when their vehicle hit a roadside bomb.": """
        Two      two      NUM   CD   nummod    1  B-CARDINAL
        soldiers soldier  NOUN  NNS  nsubjpass 3
        were     be       AUX   VBD  auxpass   3
        killed   kill     VERB  VBN  ROOT      3
        when     when     SCONJ WRB  advmod    7
        their    their    PRON  PRP$ poss      6
        vehicle  vehicle  NOUN  NN   nsubj     7
        hit      hit      VERB  VBD  advcl     3
        a        a        DET   DT   det       10
        roadside roadside NOUN  NN   compound  10
        bomb     bomb     NOUN  NN   dobj      7
        .        .        PUNCT .    punct     3
        """,
    "Saudi Aramco reported a drop in quarterly profit.": """
        Saudi     Saudi     PROPN NNP compound 1 B-ORG
        Aramco    Aramco    PROPN NNP nsubj    2 I-ORG
        reported  report    VERB  VBD ROOT     2
        a         a         DET   DT  det      4
        drop      drop      NOUN  NN  dobj     2
        in        in        ADP   IN  prep     4
        quarterly quarterly ADJ   JJ  amod     7
        profit    profit    NOUN  NN  pobj     5
        .         .         PUNCT .   punct    2
        """,
    "North Korea launched a spy satellite.": """
        North     North     PROPN NNP compound 1 B-GPE
        Korea     Korea     PROPN NNP nsubj    2 I-GPE
        launched  launch    VERB  VBD ROOT     2
        a         a         DET   DT  det      5
        spy       spy       NOUN  NN  compound 5
        satellite satellite NOUN  NN  dobj     2
        .         .         PUNCT .   punct    2
        """,
    "Moscow denied that its troops had used chemical agents.": """
        Moscow   Moscow   PROPN NNP  nsubj    1 B-GPE
        denied   deny     VERB  VBD  ROOT     1
        that     that     SCONJ IN   mark     6
        its      its      PRON  PRP$ poss     4
        troops   troop    NOUN  NNS  nsubj    6
        had      have     AUX   VBD  aux      6
        used     use      VERB  VBN  ccomp    1
        chemical chemical ADJ   JJ   compound 8
        agents   agent    NOUN  NNS  dobj     6
        .        .        PUNCT .    punct    1
        """,
    "Lebanon accused Algeria of meddling and recalled its ambassador.": """
        Lebanon    Lebanon    PROPN NNP  nsubj 1 B-GPE
        accused    accuse     VERB  VBD  ROOT  1
        Algeria    Algeria    PROPN NNP  dobj  1 B-GPE
        of         of         ADP   IN   prep  1
        meddling   meddle     VERB  VBG  pcomp 3
        and        and        CCONJ CC   cc    1
        recalled   recall     VERB  VBD  conj  1
        its        its        PRON  PRP$ poss  8
        ambassador ambassador NOUN  NN   dobj  6
        .          .          PUNCT .    punct 1
        """,
    "The Spanish king apologised for Spain's role.": """
        The        the       DET   DT  det   2
        Spanish    spanish   ADJ   JJ  amod  2 B-NORP
        king       king      NOUN  NN  nsubj 3
        apologised apologise VERB  VBD ROOT  3
        for        for       ADP   IN  prep  3
        Spain      Spain     PROPN NNP poss  7 B-GPE
        's         's        PART  POS case  5
        role       role      NOUN  NN  pobj  4
        .          .         PUNCT .   punct 3
        """,
    "Niger's military government promised to release 25 detained officials.": """
        Niger      Niger      PROPN NNP poss   3 B-GPE
        's         's         PART  POS case   0
        military   military   ADJ   JJ  amod   3
        government government NOUN  NN  nsubj  4
        promised   promise    VERB  VBD ROOT   4
        to         to         PART  TO  aux    6
        release    release    VERB  VB  xcomp  4
        25         25         NUM   CD  nummod 9 B-CARDINAL
        detained   detain     VERB  VBN amod   9
        officials  official   NOUN  NNS dobj   6
        .          .          PUNCT .   punct  4
        """,
    "Rebels attacked a police station.": """
        Rebels   rebel   NOUN  NNS nsubj    1
        attacked attack  VERB  VBD ROOT     1
        a        a       DET   DT  det      4
        police   police  NOUN  NN  compound 4
        station  station NOUN  NN  dobj     1
        .        .       PUNCT .   punct    1
        """,
    "Rwanda deployed 1,000 troops to Mozambique.": """
        Rwanda     Rwanda     PROPN NNP nsubj  1 B-GPE
        deployed   deploy     VERB  VBD ROOT   1
        1,000      1,000      NUM   CD  nummod 3 B-CARDINAL
        troops     troop      NOUN  NNS dobj   1
        to         to         ADP   IN  prep   1
        Mozambique Mozambique PROPN NNP pobj   4 B-GPE
        .          .          PUNCT .   punct  1
        """,
    "The army bombed a village in Sagaing, killing 9 people.": """
        The     the     DET   DT  det    1
        army    army    NOUN  NN  nsubj  2
        bombed  bomb    VERB  VBD ROOT   2
        a       a       DET   DT  det    4
        village village NOUN  NN  dobj   2
        in      in      ADP   IN  prep   2
        Sagaing Sagaing PROPN NNP pobj   5  B-GPE
        ,       ,       PUNCT ,   punct  2
        killing kill    VERB  VBG advcl  2
        9       9       NUM   CD  nummod 10 B-CARDINAL
        people  people  NOUN  NNS dobj   8
        .       .       PUNCT .   punct  2
        """,
    "Militants killed 6 soldiers.": """
        Militants militant NOUN  NNS nsubj  1
        killed    kill     VERB  VBD ROOT   1
        6         6        NUM   CD  nummod 3 B-CARDINAL
        soldiers  soldier  NOUN  NNS dobj   1
        .         .        PUNCT .   punct  1
        """,
    "The militia killed 300 villagers.": """
        The       the      DET   DT  det    1
        militia   militia  NOUN  NN  nsubj  2
        killed    kill     VERB  VBD ROOT   2
        300       300      NUM   CD  nummod 4 B-CARDINAL
        villagers villager NOUN  NNS dobj   2
        .         .        PUNCT .   punct  2
        """,
    "Nicaraguan police cracked down on dissent.": """
        Nicaraguan nicaraguan ADJ   JJ  amod  1 B-NORP
        police     police     NOUN  NNS nsubj 2
        cracked    crack      VERB  VBD ROOT  2
        down       down       ADP   RP  prt   2
        on         on         ADP   IN  prep  2
        dissent    dissent    NOUN  NN  pobj  4
        .          .          PUNCT .   punct 2
        """,
    "Thousands of students rallied in Belgrade.": """
        Thousands thousand NOUN  NNS nsubj 3 B-CARDINAL
        of        of       ADP   IN  prep  0
        students  student  NOUN  NNS pobj  1
        rallied   rally    VERB  VBD ROOT  3
        in        in       ADP   IN  prep  3
        Belgrade  Belgrade PROPN NNP pobj  4 B-GPE
        .         .        PUNCT .   punct 3
        """,
    "Vladimir Putin criticised Dmitry Peskov.": """
        Vladimir   Vladimir  PROPN NNP compound 1 B-PERSON
        Putin      Putin     PROPN NNP nsubj    2 I-PERSON
        criticised criticise VERB  VBD ROOT     2
        Dmitry     Dmitry    PROPN NNP compound 4 B-PERSON
        Peskov     Peskov    PROPN NNP dobj     2 I-PERSON
        .          .         PUNCT .   punct    2
        """,
    "Japanese farmers protested.": """
        Japanese  japanese ADJ   JJ  amod  1 B-NORP
        farmers   farmer   NOUN  NNS nsubj 2
        protested protest  VERB  VBD ROOT  2
        .         .        PUNCT .   punct 2
        """,
    "The Kremlin offered a contrast.": """
        The      the      DET   DT  det   1
        Kremlin  Kremlin  PROPN NNP nsubj 2 B-ORG
        offered  offer    VERB  VBD ROOT  2
        a        a        DET   DT  det   4
        contrast contrast NOUN  NN  dobj  2
        .        .        PUNCT .   punct 2
        """,
    "Kenya met the deadline.": """
        Kenya    Kenya    PROPN NNP nsubj 1 B-GPE
        met      meet     VERB  VBD ROOT  1
        the      the      DET   DT  det   3
        deadline deadline NOUN  NN  dobj  1
        .        .        PUNCT .   punct 1
        """,
    "China offered to mediate.": """
        China   china   PROPN NNP nsubj 1 B-GPE
        offered offer   VERB  VBD ROOT  1
        to      to      PART  TO  aux   3
        mediate mediate VERB  VB  xcomp 1
        .       .       PUNCT .   punct 1
        """,
    "The Kremlin commented.": """
        The       the      DET   DT  det   1
        Kremlin   Kremlin  PROPN NNP nsubj 2 B-ORG
        commented comment  VERB  VBD ROOT  2
        .         .        PUNCT .   punct 2
        """,
    "A gunman killed 50 people.": """
        A      a      DET   DT  det    1
        gunman gunman NOUN  NN  nsubj  2
        killed kill   VERB  VBD ROOT   2
        50     50     NUM   CD  nummod 4 B-CARDINAL
        people people NOUN  NNS dobj   2
        .      .      PUNCT .   punct  2
        """,
    "Cruz challenged Trump to a debate.": """
        Cruz       Cruz      PROPN NNP nsubj 1 B-PERSON
        challenged challenge VERB  VBD ROOT  1
        Trump      Trump     PROPN NNP dobj  1 B-PERSON
        to         to        ADP   IN  prep  1
        a          a         DET   DT  det   5
        debate     debate    NOUN  NN  pobj  3
        .          .         PUNCT .   punct 1
        """,
    "Rubio was asked to resign.": """
        Rubio  Rubio  PROPN NNP nsubjpass 2 B-PERSON
        was    be     AUX   VBD auxpass   2
        asked  ask    VERB  VBN ROOT      2
        to     to     PART  TO  aux       4
        resign resign VERB  VB  xcomp     2
        .      .      PUNCT .   punct     2
        """,
    "Russia must attack Ukraine.": """
        Russia russia PROPN NNP nsubj 2 B-GPE
        must   must   AUX   MD  aux   2
        attack attack VERB  VB  ROOT  2
        Ukraine ukraine PROPN NNP dobj 2 B-GPE
        .      .      PUNCT .   punct 2
        """,
    "Officials were not authorized to comment on Russia.": """
        Officials  official  NOUN  NNS nsubjpass 3
        were       be        AUX   VBD auxpass   3
        not        not       PART  RB  neg       3
        authorized authorize VERB  VBN ROOT      3
        to         to        PART  TO  aux       5
        comment    comment   VERB  VB  xcomp     3
        on         on        ADP   IN  prep      5
        Russia     russia    PROPN NNP pobj      6 B-GPE
        .          .         PUNCT .   punct     3
        """,
    "The primary threatens to knock out the governors.": """
        The       the      DET   DT  det   1
        primary   primary  NOUN  NN  nsubj 2
        threatens threaten VERB  VBZ ROOT  2
        to        to       PART  TO  aux   4
        knock     knock    VERB  VB  xcomp 2
        out       out      ADP   RP  prt   4
        the       the      DET   DT  det   7
        governors governor NOUN  NNS dobj  4
        .         .        PUNCT .   punct 2
        """,
    "Voters rejected the mayor.": """
        Voters   voter    NOUN  NNS nsubj 1
        rejected reject   VERB  VBD ROOT  1
        the      the      DET   DT  det   3
        mayor    mayor    NOUN  NN  dobj  1
        .        .        PUNCT .   punct 1
        """,
    "Iran vowed to retaliate.": """
        Iran      iran      PROPN NNP nsubj 1 B-GPE
        vowed     vow       VERB  VBD ROOT  1
        to        to        PART  TO  aux   3
        retaliate retaliate VERB  VB  xcomp 1
        .         .         PUNCT .   punct 1
        """,
    "The plan was announced to Ukraine.": """
        The       the      DET   DT  det       1
        plan      plan     NOUN  NN  nsubjpass 3
        was       be       AUX   VBD auxpass   3
        announced announce VERB  VBN ROOT      3
        to        to       ADP   IN  prep      3
        Ukraine   Ukraine  PROPN NNP pobj      4 B-GPE
        .         .        PUNCT .   punct     3
        """,
    "The senator opposes abortion.": """
        The      the      DET   DT  det   1
        senator  senator  NOUN  NN  nsubj 2
        opposes  oppose   VERB  VBZ ROOT  2
        abortion abortion NOUN  NN  dobj  2
        .        .        PUNCT .   punct 2
        """,
    "Germany opposed Hungary.": """
        Germany germany PROPN NNP nsubj 1 B-GPE
        opposed oppose  VERB  VBD ROOT  1
        Hungary hungary PROPN NNP dobj  1 B-GPE
        .       .       PUNCT .   punct 1
        """,
    "Business owners protested against Russia and China.": """
        Business  business NOUN  NN  compound 1
        owners    owner    NOUN  NNS nsubj    2
        protested protest  VERB  VBD ROOT     2
        against   against  ADP   IN  prep     2
        Russia    Russia   PROPN NNP pobj     3 B-GPE
        and       and      CCONJ CC  cc       4
        China     China    PROPN NNP conj     4 B-GPE
        .         .        PUNCT .   punct    2
        """,
}

# Each rule's example, as its docstring gives it.
EXAMPLE = {
    "natural_forces_are_not_actors": "The storm killed 12 people.",
    "what_a_natural_force_did_is_no_event": (
        "Modi visited Turkey after the earthquake that killed 50,000 people."
    ),
    "the_subject_is_the_source": "Russian troops attacked Ukrainian positions.",
    "background_events_are_not_events": "Police in Lagos arrested 12 people amid clashes.",
    "protesters_are_kept_by_their_words": "Business owners protested at a market in Bishkek.",
    "a_nominal_subject_names_who_acts": "A Russian missile strike killed five people.",
    "the_object_is_the_target": "Russian forces shelled Kharkiv.",
    "a_preposition_gives_the_target_when_the_object_does_not": "Russia protested to Japan.",
    "an_elaborating_clause_shares_the_target": (
        "North Korea raised tensions with South Korea, including blowing up roads."
    ),
    "the_target_of_what_is_threatened_or_refused": (
        "Washington refused to ease sanctions on Caracas."
    ),
    "coordinated_verbs_share_the_party_acted_on": (
        "Israeli police raided and closed the Al Jazeera office."
    ),
    "a_town_is_a_party_only_to_force_used_there": "The Japanese envoy flew to Dallas.",
    "a_nominal_event_names_its_actor": "A Chinese blockade of Taiwan would trigger a crisis.",
    "what_is_sent_acts_when_nobody_else_does": (
        "10,000 soldiers are expected to be deployed to Russia."
    ),
    "what_is_acted_on_is_the_target": "Police dispersed protesters.",
    "an_event_needs_a_party_or_a_place": (
        "Colombia broke off relations with Israel over the war in Gaza."
    ),
    "roles_take_the_country_of_the_place": (
        "The Pentagon ordered an aircraft carrier to the Mediterranean."
    ),
    "a_party_has_a_code_or_a_name": "Business owners protested against Russia and China.",
    "population_measures_have_no_target": (
        "Indian authorities shut down mobile internet in Manipur."
    ),
    "a_clash_between_parties_is_not_against_the_place": (
        "Clashes between Ethiopian troops and Fano militiamen erupted in Gondar."
    ),
    "force_at_a_place_targets_its_country": "Israeli jets struck targets near Damascus.",
    "a_domestic_act_targets_its_own_country": "Panamanian teachers held a strike.",
    "a_protest_is_aimed_at_a_government": "Panamanian teachers held a strike.",
    "opposing_is_aimed_at_someone": "The senator opposes abortion.",
    "a_vow_of_force_is_a_threat": "Iran vowed to retaliate.",
    "what_voters_think_is_no_act": "Voters rejected the mayor.",
    "what_must_be_done_is_no_act": "Russia must attack Ukraine.",
    "speaking_without_a_name_is_no_statement": (
        "Officials were not authorized to comment on Russia."
    ),
    "a_threat_by_no_one_known_is_none": "The primary threatens to knock out the governors.",
    "a_challenge_to_act_is_an_appeal": "Cruz challenged Trump to a debate.",
    "an_appeal_by_no_one_known_is_none": "Rubio was asked to resign.",
    "a_complement_verb_has_no_object": "The Kremlin offered a contrast.",
    "a_verb_done_to_someone_needs_someone": "Kenya met the deadline.",
    "a_party_is_named_once": "Kenya's President William Ruto withdrew the finance bill.",
    "parties_are_looked_up": "Israeli jets struck targets near Damascus.",
    "an_event_needs_a_coded_party": (
        "Two soldiers were killed when their vehicle hit a roadside bomb."
    ),
    "a_statement_needs_someone_addressed": "The Kremlin commented.",
    "own_forces_are_no_target": "North Korea launched a spy satellite.",
    "the_speakers_own_country_is_no_target": (
        "Moscow denied that its troops had used chemical agents."
    ),
    "a_states_bare_country_is_no_other_party": "The Spanish king apologised for Spain's role.",
    "a_party_is_not_its_own_target": (
        "Niger's military government promised to release 25 detained officials."
    ),
    "hosting_needs_a_guest": "The French president hosted a televised debate.",
    "a_race_is_won_not_fought": "Trump destroyed his rivals in the primary.",
    "a_feeling_is_a_comment_only_when_said": "Officials hope the deal will hold.",
    "voters_endorse_no_one": "Many residents voted for the mayor.",
    "a_campaign_rally_is_no_protest": "The campaign rally in Ohio drew thousands.",
    "rallying_people_is_no_protest": "Democrats rallied around Clinton.",
    "what_is_called_for_is_no_target": "Trump called for a special prosecutor.",
    "weapons_are_no_parties": "The missile was launched on Tuesday.",
    "private_comings_and_goings_are_no_visit": "Tourists travelled to Egypt on holiday.",
    "a_lament_about_someone_is_criticism": "Trump lamented Clinton's vote.",
    "an_endorsement_needs_someone_endorsed": "Rubio voted early in Miami.",
    "an_impression_is_no_act": "The senator seemed to agree.",
    "readiness_is_for_an_act": "Rubio is not ready for the White House.",
    "regarding_is_no_consideration": "Seoul considered it a missile test.",
    "showing_something_is_no_demonstration": (
        "The senator demonstrated his command of the budget."
    ),
    "a_question_is_no_appeal": "The reporter asked the senator about the emails.",
    "a_warning_threatens_only_what_its_speaker_would_do": (
        "The minister warned that prices would rise."
    ),
    "an_attack_by_no_known_force_is_unconventional": (
        "The attack on the concert hall killed 22 people."
    ),
    "force_needs_someone_who_bears_arms": "Trump attacked Clinton over her emails.",
    "a_missile_fired_at_no_one_is_a_show_of_force": "North Korea fired a missile over Japan.",
    "who_acts_decides_the_code": "Rebels attacked a police station.",
    "forces_sent_into_another_country_support_it": "Rwanda deployed 1,000 troops to Mozambique.",
    "the_killed_are_the_target_of_the_act": (
        "The army bombed a village in Sagaing, killing 9 people."
    ),
    "the_first_number_counts": "Militants killed 6 soldiers.",
    "mass_violence_by_magnitude": "The militia killed 300 villagers.",
}


# The rules are tested on their own: every hand-made sentence counts as public affairs, so that
# the relevance gate (events.PUBLIC_AFFAIRS_MIN) keeps out of their way.
PUBLIC = DocRelevance(1.0, None, {})


def doc(text: str):
    """A fresh hand-made Doc of one of the sentences above."""
    return table(text, DOCS[text])


def coded(text: str, *off: str) -> list[tuple]:
    """(trigger, code, source codes, target codes) of each event of the text, with the rules
    named switched off."""
    events, _ = code_document(doc(text), "hand", disabled=frozenset(off), relevance=PUBLIC)
    return [(e.trigger["text"], e.cameo, _codes(e.source), _codes(e.target)) for e in events]


def _codes(actors: list[Actor]) -> list[str | None]:
    return [a.code for a in actors]


def before(rule: Rule, text: str, trigger: str) -> Draft:
    """The draft of the trigger's event as the rules before ``rule`` leave it (the rule itself
    not yet run)."""
    drafts: dict[str, Draft] = {}

    def keep(draft: Draft) -> None:
        drafts[draft.tok.text] = draft
        draft.dropped = True  # no event: nothing after this runs

    kn = DEFAULT.get()
    hand = doc(text)
    where = EventPlaces(DocPlaces(hand, kn))
    resolver = ActorResolver(kn, places=where.places)
    rules = (*RULES[: RULES.index(rule)], keep)
    code_sentence(sentences(hand)[0], 0, "hand", resolver, kn.lexicon, where, DocDates(None), rules)
    assert trigger in drafts, f"no draft of {trigger!r} reaches {rule.__name__}: {list(drafts)}"
    return drafts[trigger]


def _event_dicts(text: str, *off: str) -> list[dict]:
    events, _ = code_document(doc(text), "hand", disabled=frozenset(off), relevance=PUBLIC)
    return [e.to_dict() for e in events]


# --- the list itself -----------------------------------------------------------------------


def test_rule_names_are_unique_and_every_rule_says_what_it_does() -> None:
    names = [rule.__name__ for rule in RULES]
    assert len(names) == len(set(names)) == len(RULE_NAMES)
    for rule in RULES:
        doc_ = rule.__doc__ or ""
        assert len(doc_.split()) >= 8, f"{rule.__name__} has no docstring worth the name"
        assert '"' in doc_ and "->" in doc_, f"{rule.__name__}'s docstring gives no example"


def test_every_rule_has_a_hand_made_example_from_its_docstring() -> None:
    assert set(EXAMPLE) == RULE_NAMES
    for name, text in EXAMPLE.items():
        rule = next(r for r in RULES if r.__name__ == name)
        assert text in " ".join((rule.__doc__ or "").split()), (name, text)


@pytest.mark.parametrize("name", [rule.__name__ for rule in RULES])
def test_switching_a_rule_off_changes_its_example(name: str) -> None:
    text = EXAMPLE[name]
    assert _event_dicts(text) != _event_dicts(text, name)


def test_no_rule_switched_off_is_the_whole_list_and_an_unknown_name_is_refused() -> None:
    assert rules_without() is RULES and rules_without(frozenset()) is RULES
    fewer = rules_without({"the_first_number_counts"})
    assert len(fewer) == len(RULES) - 1 and all(
        r.__name__ != "the_first_number_counts" for r in fewer
    )
    with pytest.raises(ValueError, match="no_such_rule"):
        code_document(doc(EXAMPLE["the_first_number_counts"]), "hand", disabled={"no_such_rule"})


# --- who acts ------------------------------------------------------------------------------


def test_natural_forces_are_not_actors() -> None:
    text = "The storm killed 12 people."
    draft = before(rr.natural_forces_are_not_actors, text, "killed")
    rr.natural_forces_are_not_actors(draft)
    assert draft.dropped
    assert coded(text) == []
    assert coded(text, "natural_forces_are_not_actors") == [("killed", "180", [], ["CVL"])]


def test_what_a_natural_force_did_is_no_event() -> None:
    text = "Modi visited Turkey after the earthquake that killed 50,000 people."
    draft = before(rr.what_a_natural_force_did_is_no_event, text, "killed")
    rr.what_a_natural_force_did_is_no_event(draft)
    assert draft.dropped
    assert [e[0] for e in coded(text)] == ["visited"]
    off = coded(text, "what_a_natural_force_did_is_no_event")
    assert ("killed", "202", [], ["TURCVL"]) in off


def test_the_subject_is_the_source() -> None:
    text = "Russian troops attacked Ukrainian positions."
    draft = before(rr.the_subject_is_the_source, text, "attacked")
    assert draft.source == []
    rr.the_subject_is_the_source(draft)
    assert _codes(draft.source) == ["RUSMIL"]
    # with no source the attack is one by no known force (180), unless that rule is off too
    assert coded(text, "the_subject_is_the_source") == [("attacked", "180", [], ["UKR"])]
    assert coded(
        text, "the_subject_is_the_source", "an_attack_by_no_known_force_is_unconventional"
    ) == [("attacked", "190", [], ["UKR"])]


def test_background_events_are_not_events() -> None:
    text = "Police in Lagos arrested 12 people amid clashes."
    assert coded(text) == [("arrested", "173", ["NGACOP"], ["NGACVL"])]
    off = coded(text, "background_events_are_not_events")
    assert off[1:] == [("clashes", "190", [], ["NGA"])]


def test_protesters_are_kept_by_their_words() -> None:
    text = "Business owners protested at a market in Bishkek."
    draft = before(rr.protesters_are_kept_by_their_words, text, "protested")
    assert draft.source == []
    rr.protesters_are_kept_by_their_words(draft)
    assert [a.text for a in draft.source] == ["Business owners"]
    assert coded(text) == [("protested", "141", ["KGZCVL"], [])]
    assert coded(text, "protesters_are_kept_by_their_words") == []


def test_a_nominal_subject_names_who_acts() -> None:
    text = "A Russian missile strike killed five people."
    assert coded(text) == [("killed", "195", ["RUS"], ["RUSCVL"])]
    assert coded(text, "a_nominal_subject_names_who_acts") == [("killed", "195", [], ["CVL"])]


# --- who is acted on -----------------------------------------------------------------------


def test_the_object_is_the_target() -> None:
    text = "Russian forces shelled Kharkiv."
    draft = before(rr.the_object_is_the_target, text, "shelled")
    rr.the_object_is_the_target(draft)
    assert _codes(draft.target) == ["UKR"]
    assert coded(text, "the_object_is_the_target") == [("shelled", "194", ["RUSMIL"], [])]


def test_a_preposition_gives_the_target_when_the_object_does_not() -> None:
    text = "Russia protested to Japan."
    assert coded(text) == [("protested", "114", ["RUS"], ["JPN"])]
    off = coded(text, "a_preposition_gives_the_target_when_the_object_does_not")
    assert off == [("protested", "114", ["RUS"], [])]


def test_an_elaborating_clause_shares_the_target() -> None:
    text = "North Korea raised tensions with South Korea, including blowing up roads."
    assert coded(text) == [("blowing", "1712", ["PRK"], ["KOR"])]
    off = coded(text, "an_elaborating_clause_shares_the_target")
    assert off == [("blowing", "1712", ["PRK"], [])]


def test_the_target_of_what_is_threatened_or_refused() -> None:
    text = "Washington refused to ease sanctions on Caracas."
    draft = before(rr.the_target_of_what_is_threatened_or_refused, text, "refused")
    assert draft.target == []
    rr.the_target_of_what_is_threatened_or_refused(draft)
    assert _codes(draft.target) == ["VENGOV"]
    off = coded(text, "the_target_of_what_is_threatened_or_refused")
    assert off == [("refused", "120", ["USAGOV"], [])]


def test_coordinated_verbs_share_the_party_acted_on() -> None:
    text = "Israeli police raided and closed the Al Jazeera office."
    assert coded(text) == [("raided", "190", ["ISRCOP"], ["QATJRN"])]
    off = coded(text, "coordinated_verbs_share_the_party_acted_on")
    assert off == [("raided", "190", ["ISRCOP"], [])]


def test_a_town_is_a_party_only_to_force_used_there() -> None:
    text = "The Japanese envoy flew to Dallas."
    draft = before(rr.a_town_is_a_party_only_to_force_used_there, text, "flew")
    assert _codes(draft.target) == ["USA"]
    rr.a_town_is_a_party_only_to_force_used_there(draft)
    assert draft.target == []
    assert all(target == [] for *_, target in coded(text))


def test_a_nominal_event_names_its_actor() -> None:
    text = "A Chinese blockade of Taiwan would trigger a crisis."
    assert coded(text) == [("blockade", "191", ["CHN"], ["TWN"])]
    assert coded(text, "a_nominal_event_names_its_actor") == [("blockade", "191", [], ["TWN"])]


def test_what_is_sent_acts_when_nobody_else_does() -> None:
    text = "10,000 soldiers are expected to be deployed to Russia."
    draft = before(rr.what_is_sent_acts_when_nobody_else_does, text, "deployed")
    assert draft.source == []
    rr.what_is_sent_acts_when_nobody_else_does(draft)
    assert [a.text for a in draft.source] == ["10,000 soldiers"] and draft.themes == []
    assert coded(text) == [("deployed", "154", ["RUSMIL"], [])]
    # with nobody acting, the soldiers are whom Russia is sent: the code of support abroad
    off = coded(text, "what_is_sent_acts_when_nobody_else_does")
    assert off == [("deployed", "074", [], ["RUS"])]


def test_what_is_acted_on_is_the_target() -> None:
    text = "Police dispersed protesters."
    draft = before(rr.what_is_acted_on_is_the_target, text, "dispersed")
    assert draft.target == []
    rr.what_is_acted_on_is_the_target(draft)
    assert _codes(draft.target) == ["OPP"]
    assert coded(text, "what_is_acted_on_is_the_target") == [("dispersed", "175", ["COP"], [])]


def test_an_event_needs_a_party_or_a_place() -> None:
    text = "Colombia broke off relations with Israel over the war in Gaza."
    assert coded(text) == [("broke", "161", ["COL"], ["ISR", "PSEGZA"])]
    off = coded(text, "an_event_needs_a_party_or_a_place")
    assert off[1:] == [("war", "190", [], ["PSEGZA"])]


# --- the parties' countries ----------------------------------------------------------------


def test_roles_take_the_country_of_the_place() -> None:
    text = "The Pentagon ordered an aircraft carrier to the Mediterranean."
    draft = before(rr.roles_take_the_country_of_the_place, text, "ordered")
    assert [(a.code, a.country) for a in draft.target] == [("MIL", None)]
    rr.roles_take_the_country_of_the_place(draft)
    assert [(a.code, a.country) for a in draft.target] == [("USAMIL", "USA")]
    # the carrier is then the United States' own, no target of its deployment
    assert coded(text) == [("ordered", "154", ["USAMIL"], [])]


def test_a_party_has_a_code_or_a_name() -> None:
    text = "Business owners protested against Russia and China."
    draft = before(rr.a_party_has_a_code_or_a_name, text, "protested")
    assert [(a.text, a.code, a.name) for a in draft.source] == [("Business owners", None, None)]
    rr.a_party_has_a_code_or_a_name(draft)
    assert draft.source == [] and _codes(draft.target) == ["RUS", "CHN"]
    assert coded(text) == [("protested", "141", [], ["RUS", "CHN"])]


def test_population_measures_have_no_target() -> None:
    text = "Indian authorities shut down mobile internet in Manipur."
    draft = before(rr.population_measures_have_no_target, text, "shut")
    rr.population_measures_have_no_target(draft)
    assert draft.untargeted
    assert coded(text) == [("shut", "1721", ["INDGOV"], [])]
    off = coded(text, "population_measures_have_no_target")
    assert off == [("shut", "1721", ["INDGOV"], ["IND"])]


def test_a_clash_between_parties_is_not_against_the_place() -> None:
    text = "Clashes between Ethiopian troops and Fano militiamen erupted in Gondar."
    assert coded(text) == [("Clashes", "190", ["ETHMIL", "ETHREB"], [])]
    off = coded(text, "a_clash_between_parties_is_not_against_the_place")
    assert off == [("Clashes", "190", ["ETHMIL", "ETHREB"], ["ETH"])]


def test_force_at_a_place_targets_its_country() -> None:
    text = "Israeli jets struck targets near Damascus."
    draft = before(rr.force_at_a_place_targets_its_country, text, "struck")
    assert draft.target == []
    rr.force_at_a_place_targets_its_country(draft)
    assert [(a.text, a.code) for a in draft.target] == [("Damascus", "SYR")]
    off = coded(text, "force_at_a_place_targets_its_country")
    assert off == [("struck", "190", ["ISRMIL"], [])]


def test_a_domestic_act_targets_its_own_country() -> None:
    text = "Nicaraguan police cracked down on dissent."
    draft = before(rr.a_domestic_act_targets_its_own_country, text, "cracked")
    assert draft.target == [] and not draft.implied
    rr.a_domestic_act_targets_its_own_country(draft)
    # no phrase names the country acted on: the act stands for it, never the source's phrase
    assert [(a.text, a.code) for a in draft.target] == [("cracked", "NIC")] and draft.implied
    off = coded("Panamanian teachers held a strike.", "a_domestic_act_targets_its_own_country")
    assert off == [("held", "143", ["PANEDU"], [])]


def test_a_protest_is_aimed_at_a_government() -> None:
    text = "Panamanian teachers held a strike."
    assert coded(text) == [("held", "143", ["PANEDU"], ["PANGOV"])]
    assert coded(text, "a_protest_is_aimed_at_a_government") == [
        ("held", "143", ["PANEDU"], ["PAN"])
    ]
    # at a place: the government of the place's country
    assert coded("Thousands of students rallied in Belgrade.")[0][3] == ["SRBGOV"]
    # a country the text names stays that state
    assert coded("Business owners protested against Russia and China.")[0][3] == ["RUS", "CHN"]
    # force at a place is against the country, as before
    assert coded("Israeli jets struck targets near Damascus.")[0][3] == ["SYR"]


def test_a_party_is_named_once() -> None:
    text = "Kenya's President William Ruto withdrew the finance bill."
    draft = before(rr.a_party_is_named_once, text, "withdrew")
    assert _codes(draft.source) == ["KENGOV", "KENGOV"]
    rr.a_party_is_named_once(draft)
    assert _codes(draft.source) == ["KENGOV"]


def test_parties_are_looked_up() -> None:
    text = "Israeli jets struck targets near Damascus."
    draft = before(rr.parties_are_looked_up, text, "struck")
    assert [(a.code, a.kb_id, a.confidence) for a in draft.target] == [("SYR", None, None)]
    rr.parties_are_looked_up(draft)
    assert [(a.code, a.kb_id) for a in draft.target] == [("SYR", "country/SYR")]
    assert draft.target[0].confidence


def test_an_event_needs_a_coded_party() -> None:
    text = "Two soldiers were killed when their vehicle hit a roadside bomb."
    assert coded(text) == [("killed", "190", [], ["MIL"])]
    off = coded(text, "an_event_needs_a_coded_party")
    assert off[1:] == [("bomb", "1833", [], [])]


def test_a_statement_needs_someone_addressed() -> None:
    text = "The Kremlin commented."
    assert coded(text) == []
    assert coded(text, "a_statement_needs_someone_addressed") == [
        ("commented", "010", ["RUSGOV"], [])
    ]
    text = "Saudi Aramco reported a drop in quarterly profit."
    assert coded(text) == []
    off = coded(text, "a_statement_needs_someone_addressed", "a_complement_verb_has_no_object")
    assert off == [("reported", "010", ["SAU"], [])]


# --- no party of its own -------------------------------------------------------------------


def test_own_forces_are_no_target() -> None:
    text = "North Korea launched a spy satellite."
    draft = before(rr.own_forces_are_no_target, text, "launched")
    assert _codes(draft.target) == ["PRKSPY"]
    rr.own_forces_are_no_target(draft)
    assert draft.target == []
    assert coded(text) == [("launched", "150", ["PRK"], [])]


def test_the_speakers_own_country_is_no_target() -> None:
    text = "Moscow denied that its troops had used chemical agents."
    draft = before(rr.the_speakers_own_country_is_no_target, text, "denied")
    assert _codes(draft.target) == ["RUSMIL"]
    rr.the_speakers_own_country_is_no_target(draft)
    assert draft.target == []
    text = "Lebanon accused Algeria of meddling and recalled its ambassador."
    assert ("recalled", "161", ["LBN"], ["DZA"]) in coded(text)
    off = coded(text, "the_speakers_own_country_is_no_target")
    assert ("recalled", "161", ["LBN"], ["LBNGOV"]) in off


def test_a_states_bare_country_is_no_other_party() -> None:
    text = "The Spanish king apologised for Spain's role."
    assert coded(text) == [("apologised", "055", ["ESPGOV"], [])]
    off = coded(text, "a_states_bare_country_is_no_other_party")
    assert off == [("apologised", "055", ["ESPGOV"], ["ESP"])]


def test_a_party_is_not_its_own_target() -> None:
    text = "Niger's military government promised to release 25 detained officials."
    draft = before(rr.a_party_is_not_its_own_target, text, "promised")
    assert _codes(draft.source) == _codes(draft.target) == ["NERGOV"]
    rr.a_party_is_not_its_own_target(draft)
    assert draft.target == []
    assert coded(text) == [("promised", "0353", ["NERGOV"], [])]


def test_two_people_of_one_code_are_two_parties() -> None:
    text = "Vladimir Putin criticised Dmitry Peskov."
    assert coded(text) == [("criticised", "111", ["RUSGOV"], ["RUSGOV"])]
    # the phrase that acts is never also the party acted on
    draft = before(rr.a_party_is_not_its_own_target, "Japanese farmers protested.", "protested")
    draft.target = [draft.source[0].copy()]
    rr.a_party_is_not_its_own_target(draft)
    assert draft.target == []


# --- the code and the count ----------------------------------------------------------------


def test_who_acts_decides_the_code() -> None:
    text = "Rebels attacked a police station."
    draft = before(rr.who_acts_decides_the_code, text, "attacked")
    assert draft.code == "190"
    rr.who_acts_decides_the_code(draft)
    assert draft.code == "180"
    assert coded(text) == [("attacked", "180", ["REB"], ["COP"])]


def test_forces_sent_into_another_country_support_it() -> None:
    text = "Rwanda deployed 1,000 troops to Mozambique."
    assert coded(text) == [("deployed", "074", ["RWA"], ["MOZ"])]
    off = coded(text, "forces_sent_into_another_country_support_it")
    assert off == [("deployed", "154", ["RWA"], ["MOZ"])]


def test_the_killed_are_the_target_of_the_act() -> None:
    text = "The army bombed a village in Sagaing, killing 9 people."
    draft = before(rr.the_killed_are_the_target_of_the_act, text, "bombed")
    assert draft.target == [] and [t.text for t in draft.consequences()] == ["people"]
    rr.the_killed_are_the_target_of_the_act(draft)
    assert _codes(draft.target) == ["MMRCVL"]
    off = coded(text, "the_killed_are_the_target_of_the_act")
    assert off == [("bombed", "195", ["MMRMIL"], [])]


def test_the_first_number_counts() -> None:
    text = "Militants killed 6 soldiers."
    draft = before(rr.the_first_number_counts, text, "killed")
    assert draft.quantity is None
    rr.the_first_number_counts(draft)
    assert draft.quantity is not None and draft.quantity["value"] == 6
    events, _ = code_document(doc(text), "hand", disabled={"the_first_number_counts"})
    assert [e.quantity for e in events] == [None]


def test_mass_violence_by_magnitude() -> None:
    text = "The militia killed 300 villagers."
    draft = before(rr.mass_violence_by_magnitude, text, "killed")
    assert draft.code == "180" and draft.quantity is not None
    rr.mass_violence_by_magnitude(draft)
    assert draft.code == "202"
    assert coded(text, "mass_violence_by_magnitude") == [("killed", "180", ["REB"], ["CVL"])]


def test_force_said_of_people_who_act_in_words_is_criticism() -> None:
    text = EXAMPLE["force_needs_someone_who_bears_arms"]
    [(trigger, code, source, target)] = coded(text)
    assert (trigger, code) == ("attacked", "111")
    [(_, before_, _, _)] = coded(text, "force_needs_someone_who_bears_arms")
    assert before_.startswith("19")


def test_forces_that_attack_still_use_force() -> None:
    [(_, code, source, _)] = coded(EXAMPLE["the_subject_is_the_source"])
    assert code == "190" and source == ["RUSMIL"]


def test_a_missile_over_a_country_is_a_show_of_force_toward_it() -> None:
    [(_, code, source, target)] = coded(EXAMPLE["a_missile_fired_at_no_one_is_a_show_of_force"])
    assert (code, source, target) == ("150", ["PRK"], ["JPN"])


def test_a_host_with_no_guest_hosts_no_visit() -> None:
    text = EXAMPLE["hosting_needs_a_guest"]
    assert coded(text) == []
    assert [c for _, c, _, _ in coded(text, "hosting_needs_a_guest")] == ["043"]


def test_a_warning_of_what_the_speaker_would_do_stays_a_threat() -> None:
    [(_, code, _, _)] = coded(EXAMPLE["a_warning_threatens_only_what_its_speaker_would_do"])
    assert code == "012"
    assert [e[1] for e in coded("Russia warned that it would retaliate.")] == ["130"]
    assert [e[1] for e in coded("Russia warned of consequences.")] == ["130"]
    draft = before(
        rr.a_warning_threatens_only_what_its_speaker_would_do,
        "The senator warned of the dangers.",
        "warned",
    )
    assert draft.code == "130"
    rr.a_warning_threatens_only_what_its_speaker_would_do(draft)
    assert draft.code == "012"


def test_an_attack_with_no_attacker_named_is_unconventional_violence() -> None:
    [(_, code, source, _)] = coded(EXAMPLE["an_attack_by_no_known_force_is_unconventional"])
    assert code == "180" and source == []
    [(_, before_, _, _)] = coded(
        EXAMPLE["an_attack_by_no_known_force_is_unconventional"],
        "an_attack_by_no_known_force_is_unconventional",
    )
    assert before_ == "190"


def test_opposing_is_aimed_at_someone() -> None:
    text = "The senator opposes abortion."
    draft = before(rr.opposing_is_aimed_at_someone, text, "opposes")
    assert draft.code == "110" and draft.target == []
    rr.opposing_is_aimed_at_someone(draft)
    assert draft.dropped
    assert coded(text) == []
    assert coded("Germany opposed Hungary.") == [("opposed", "110", ["DEU"], ["HUN"])]


def test_a_complement_verb_has_no_object() -> None:
    text = "The Kremlin offered a contrast."
    draft = before(rr.a_complement_verb_has_no_object, text, "offered")
    assert "noobject" in draft.entry.flags
    rr.a_complement_verb_has_no_object(draft)
    assert draft.dropped
    assert coded(text) == []
    assert [e[:2] for e in coded("China offered to mediate.")][:1] == [("offered", "030")]


def test_a_vow_of_force_is_a_threat() -> None:
    text = "Iran vowed to retaliate."
    draft = before(rr.a_vow_of_force_is_a_threat, text, "vowed")
    assert draft.code[:2] == "03"
    rr.a_vow_of_force_is_a_threat(draft)
    assert draft.code == "138"
    assert [e[1] for e in coded(text, "a_vow_of_force_is_a_threat")][:1] != ["138"]


def test_a_statement_by_no_one_known_is_none() -> None:
    text = "The plan was announced to Ukraine."
    draft = before(rr.a_statement_needs_someone_addressed, text, "announced")
    assert draft.entry.code == "010" and not draft.source
    rr.a_statement_needs_someone_addressed(draft)
    assert draft.dropped


def test_a_killing_by_no_one_named_is_unconventional_violence() -> None:
    [(_, code, source, target)] = coded("A gunman killed 50 people.")
    assert (code, source) == ("180", [])
    off = coded("A gunman killed 50 people.", "an_attack_by_no_known_force_is_unconventional")
    assert off[0][1] == "190"


def test_a_challenge_to_act_is_an_appeal() -> None:
    text = "Cruz challenged Trump to a debate."
    assert [e[:2] for e in coded(text)] == [("challenged", "020")]
    assert [e[:2] for e in coded(text, "a_challenge_to_act_is_an_appeal")] == [
        ("challenged", "110")
    ]


def test_an_appeal_by_no_one_known_is_none() -> None:
    text = "Rubio was asked to resign."
    assert coded(text) == []
    off = coded(text, "an_appeal_by_no_one_known_is_none")
    assert [(e[1][:2], e[2]) for e in off] == [("02", [])]


def test_what_voters_think_is_no_act() -> None:
    text = "Voters rejected the mayor."
    draft = before(rr.what_voters_think_is_no_act, text, "rejected")
    assert draft.code[:2] == "12"
    rr.what_voters_think_is_no_act(draft)
    assert draft.dropped
    assert coded(text) == []


@pytest.mark.parametrize(
    "name",
    [
        "what_must_be_done_is_no_act",
        "speaking_without_a_name_is_no_statement",
        "a_threat_by_no_one_known_is_none",
    ],
)
def test_what_is_said_of_someone_is_no_act_of_theirs(name: str) -> None:
    assert coded(EXAMPLE[name]) == []
    assert coded(EXAMPLE[name], name) != []


# --- senses decided by arguments (2026-12-07) ------------------------------------------------


def test_a_candidates_rally_is_no_protest() -> None:
    assert coded("His rally in Ohio drew thousands.") == []
    assert [
        c[:2] for c in coded("His rally in Ohio drew thousands.", "a_campaign_rally_is_no_protest")
    ] == [("rally", "141")]


def test_rallying_around_someone_is_no_protest() -> None:
    assert coded("Democrats rallied around Clinton.") == []
    assert (
        coded("Democrats rallied around Clinton.", "rallying_people_is_no_protest")[0][1] == "141"
    )


def test_what_someone_seems_to_do_is_no_act() -> None:
    assert coded("The senator seemed to agree.") == []
    assert coded("The senator seemed to agree.", "an_impression_is_no_act") == [
        ("agree", "030", ["LEG"], [])
    ]


def test_ready_for_talks_is_intent_and_ready_for_an_office_is_not() -> None:
    assert coded("Rubio is not ready for the White House.") == []
    assert [c[:2] for c in coded("Iran said it was ready for talks with Europe.")] == [
        ("ready", "030")
    ]


def test_considering_it_something_is_a_judgment_and_considering_an_act_is_014() -> None:
    assert coded("Seoul considered it a missile test.") == []
    assert ("considered", "014") in [c[:2] for c in coded("Seoul considered imposing sanctions.")]


def test_attacking_a_public_figure_with_no_doer_named_is_criticism() -> None:
    assert coded("Nobody wins by attacking Trump.") == [("attacking", "111", [], ["USAGOV"])]
    off = coded("Nobody wins by attacking Trump.", "force_needs_someone_who_bears_arms")
    assert off[0][1] != "111"


def test_a_visit_by_a_public_figure_is_kept_and_one_by_tourists_is_not() -> None:
    assert coded("Tourists travelled to Egypt on holiday.") == []
    assert [c[:2] for c in coded("The president travelled to Egypt.")] == [("travelled", "042")]


def test_lamenting_what_a_party_did_is_criticism() -> None:
    assert [c[:2] for c in coded("Trump lamented Clinton's vote.")] == [("lamented", "111")]


def test_campaigning_for_a_candidate_endorses_and_voting_alone_does_not() -> None:
    assert coded("Rubio voted early in Miami.") == []
    assert [c[:2] for c in coded("Obama campaigned for Clinton.")] == [("campaigned", "053")]


def test_what_is_called_for_is_content_not_the_party_called_on() -> None:
    assert coded("Trump called for a special prosecutor.") == [("called", "020", ["USAGOV"], [])]


def test_people_who_protest_demonstrate_and_people_who_complain_disapprove() -> None:
    from eventwire.coding.rules import recode_by_actor

    people = [Actor("farmers", "KENAGR", "KEN", "AGR", None, 0, 7)]
    state = [Actor("China", "CHN", "CHN", None, None, 0, 5)]
    assert recode_by_actor("114", people, "protest") == "141"
    assert recode_by_actor("114", people, "complain") == "110"
    assert recode_by_actor("114", state, "complain") == "114"


def test_a_weapon_is_no_party() -> None:
    assert coded("The missile was launched on Tuesday.") == [("launched", "150", [], [])]
    assert coded("The missile was launched on Tuesday.", "weapons_are_no_parties")[0][2] == ["MIL"]
