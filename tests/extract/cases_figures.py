"""Sentence-level cases for the figure layer (``headcount.extract.figures.find_figures``).

Each case is ``(sentence, expected)``. ``expected`` lists EVERY numeric figure of the sentence, in
order of appearance, whether or not it is about soldiers leaving the fight (money, distances and
equipment counts are figures at this layer), as ``(figure_text, low, high, bound)``; an empty list
means the sentence holds no figure at all.

Conventions (from ../shared/SCHEMA.md and corpus/seeds/NOTES.md, and where those are silent, the
decisions written here):

- ``figure_text`` is an exact substring of the sentence: the number words plus their qualifier
  ("over 2,000", "Some 950", "an estimated 15,000", "500 or more", "2,000-plus", "10,000+"), never
  the counted noun and never emphasis words such as "only", nor words that strengthen a bound
  ("well over 1,000" -> "over 1,000", "just under 300" -> "under 300"). A percent sign or word belongs to the
  figure ("10%", "10 percent", "10 per cent", "38 pct", "4 percentage points"), and so does a
  currency sign written before the digits ("$2bn", "€4.5m"); a unit word after the number does not
  ("5 km" -> "5", "100,000 hryvnias" -> "100,000").
- ``low``/``high``/``bound`` follow SCHEMA.md: exact -> low = high; approx (about, around, some,
  nearly, almost, approximately, roughly, an estimated, close to) -> low = high; over (over, more
  than, at least, exceeding/exceeded, no fewer than, in excess of, upwards of, X or more, X-plus,
  X+) -> high None; under (fewer than, less than, up to, as many as, no more than, at most, under)
  -> low None; range (two ends) -> low < high, and range wins over an approximate qualifier.
- Percentages and percentage points are plain numbers (10% -> 10). Fractions and "one in N" are
  shares in percent rounded to two decimals (a third -> 33.33, two-thirds -> 66.67, one in five ->
  20.0). Fold changes carry the factor as written: "sixfold" -> 6, "doubled" -> 2, "three times
  more" -> 3 with figure text "three times" (the comparative gives the direction, which this table
  does not check), "ten times less" -> 10 with figure text "ten times", "twice as many" -> "twice"
  2; "halved" has no written factor and means a factor of one half -> 0.5.
- "rose from 5,000 to 20,000" names two levels, not a range: two exact figures. "from X to Y"
  without a change verb is a range.
- Not figures: dates, years (also "fiscal year 2022", "2013-2014", "2022/2023"), times, ages,
  durations and prison terms, code article and other label numbers (also the second of "Articles
  337 and 338"), ordinals, vague words, page furniture, identifiers (Su-34, T-72, COVID-19, unit
  A0224), anything inside a URL, and "one" used as a pronoun or determiner.
"""

NBSP = "\u00a0"  # no-break space, as in "21 600" from wire copy
THIN = "\u2009"  # thin space

FIGURE_CASES: list[tuple] = [
    # --- digits grouped with commas
    (
        "Investigators say 21,600 soldiers walked away from their units in a single month.",
        [("21,600", 21600, 21600, "exact")],
    ),
    ("A total of 7,663 Russians lodged first-time claims in Germany.", [("7,663", 7663, 7663, "exact")]),
    (
        "Border officers recorded 1,204,500 crossings at the western checkpoints.",
        [("1,204,500", 1204500, 1204500, "exact")],
    ),
    ("The court registry lists 312 pending desertion files.", [("312", 312, 312, "exact")]),
    ("Only 4 men from the company answered the morning roll call.", [("4", 4, 4, "exact")]),
    (
        "The regiment's strength fell from 2,000 on paper to about 1,150 in the field.",
        [("2,000", 2000, 2000, "exact"), ("about 1,150", 1150, 1150, "approx")],
    ),
    # --- digits grouped with a no-break space, a thin space or a plain space
    (
        f"Prosecutors registered 21{NBSP}600 new files in the quarter.",
        [(f"21{NBSP}600", 21600, 21600, "exact")],
    ),
    (
        f"The ministry counted 48{THIN}300 applications by the end of March.",
        [(f"48{THIN}300", 48300, 48300, "exact")],
    ),
    (
        f"Some 120{NBSP}000 men are on the wanted list, the registry shows.",
        [(f"Some 120{NBSP}000", 120000, 120000, "approx")],
    ),
    (
        f"More than 1{NBSP}250{NBSP}000 people have left the frontline regions.",
        [(f"More than 1{NBSP}250{NBSP}000", 1250000, None, "over")],
    ),
    ("Kyiv said 21 600 soldiers had been reported absent.", [("21 600", 21600, 21600, "exact")]),
    (
        f"Officials put the backlog at 3{THIN}412 unread files.",
        [(f"3{THIN}412", 3412, 3412, "exact")],
    ),
    # --- decimals
    (
        "Desertion now accounts for 2.7% of all crimes recorded in the army.",
        [("2.7%", 2.7, 2.7, "exact")],
    ),
    (
        "Unemployment among returning veterans reached 11.4 percent.",
        [("11.4 percent", 11.4, 11.4, "exact")],
    ),
    ("Only 0.3% of the claims were approved.", [("0.3%", 0.3, 0.3, "exact")]),
    # --- magnitudes after digits
    (
        "The war has forced 2.3 million people from their homes in the east.",
        [("2.3 million", 2300000, 2300000, "exact")],
    ),
    (
        "Claims reached 29.8 thousand in the first half of the year.",
        [("29.8 thousand", 29800, 29800, "exact")],
    ),
    (
        "The channel gained 10k subscribers after the surrender video spread.",
        [("10k", 10000, 10000, "exact")],
    ),
    ("Washington approved a $2bn package for air defence.", [("$2bn", 2000000000, 2000000000, "exact")]),
    (
        "Moscow has spent an estimated $211 billion on the war, the study found.",
        [("an estimated $211 billion", 211000000000, 211000000000, "approx")],
    ),
    ("Kyiv expects 1.5 million men to update their records.", [("1.5 million", 1500000, 1500000, "exact")]),
    ("A charity raised €4.5m for evacuation buses.", [("€4.5m", 4500000, 4500000, "exact")]),
    (
        "Over 3.7 million Ukrainians remain internally displaced.",
        [("Over 3.7 million", 3700000, None, "over")],
    ),
    ("The regional bonus budget is 500 mln roubles.", [("500 mln", 500000000, 500000000, "exact")]),
    ("Some 40K troops were massed near the border.", [("Some 40K", 40000, 40000, "approx")]),
    ("Britain pledged £1.2bn in military aid.", [("£1.2bn", 1200000000, 1200000000, "exact")]),
    # --- numbers in words
    ("Two soldiers from the unit crossed into Belarus overnight.", [("Two", 2, 2, "exact")]),
    ("The platoon lost three men in its first week at the front.", [("three", 3, 3, "exact")]),
    (
        "Prosecutors say twenty-one thousand files are still open.",
        [("twenty-one thousand", 21000, 21000, "exact")],
    ),
    ("At least a dozen sailors jumped ship in Istanbul.", [("At least a dozen", 12, None, "over")]),
    (
        "About a hundred relatives gathered outside the enlistment office.",
        [("About a hundred", 100, 100, "approx")],
    ),
    (
        "Half a million men have not updated their military registration.",
        [("Half a million", 500000, 500000, "exact")],
    ),
    (
        "Nearly one and a half million people fled the region in the first month.",
        [("Nearly one and a half million", 1500000, 1500000, "approx")],
    ),
    ("Fifteen deserters were detained at the checkpoint.", [("Fifteen", 15, 15, "exact")]),
    (
        "One hundred and fifty soldiers signed the letter to their commander.",
        [("One hundred and fifty", 150, 150, "exact")],
    ),
    (
        "The battalion listed forty-two men as missing after the assault.",
        [("forty-two", 42, 42, "exact")],
    ),
    (
        "Three million refugees are registered in Poland and Germany.",
        [("Three million", 3000000, 3000000, "exact")],
    ),
    (
        "Eleven of the twelve men in the squad refused to advance.",
        [("Eleven", 11, 11, "exact"), ("twelve", 12, 12, "exact")],
    ),
    ("A thousand volunteers signed up within a week.", [("A thousand", 1000, 1000, "exact")]),
    (
        "Officials believe up to two hundred thousand men are hiding from the draft.",
        [("up to two hundred thousand", None, 200000, "under")],
    ),
    (
        "Seven soldiers and their commander were detained near Odesa.",
        [("Seven", 7, 7, "exact")],
    ),
    (
        "A million people have passed through the filtration camps.",
        [("A million", 1000000, 1000000, "exact")],
    ),
    ("The group helped twenty soldiers reach Armenia.", [("twenty", 20, 20, "exact")]),
    # --- fractions as shares
    (
        "A third of the soldiers who fled later returned to their brigades.",
        [("A third", 33.33, 33.33, "exact")],
    ),
    (
        "Two-thirds of the cases concern men who never reached the front.",
        [("Two-thirds", 66.67, 66.67, "exact")],
    ),
    ("A quarter of the applicants were former servicemen.", [("A quarter", 25, 25, "exact")]),
    ("Half of the company was missing by morning.", [("Half", 50, 50, "exact")]),
    (
        "Roughly one-third of the files were closed without trial.",
        [("Roughly one-third", 33.33, 33.33, "approx")],
    ),
    (
        "More than half of the men said they had not been paid.",
        [("More than half", 50, None, "over")],
    ),
    (
        "Nearly three-quarters of the requests came from mobilised soldiers.",
        [("Nearly three-quarters", 75, 75, "approx")],
    ),
    ("A fifth of the battalion was lost in a month of fighting.", [("A fifth", 20, 20, "exact")]),
    (
        "The number of applicants fell by half after the border closed.",
        [("half", 50, 50, "exact")],
    ),
    # --- "one in N" and "N out of M" shares
    (
        "One in five of those called up never reported for duty.",
        [("One in five", 20.0, 20.0, "exact")],
    ),
    (
        "Roughly one in ten soldiers in the brigade has gone absent at some point.",
        [("Roughly one in ten", 10.0, 10.0, "approx")],
    ),
    (
        "Three out of four applicants were turned away at the border.",
        [("Three out of four", 75.0, 75.0, "exact")],
    ),
    (
        "One in three calls to the hotline came from relatives.",
        [("One in three", 33.33, 33.33, "exact")],
    ),
    (
        "Nearly one in every four cases ended in a suspended sentence.",
        [("Nearly one in every four", 25.0, 25.0, "approx")],
    ),
    # --- percentages (sign, "percent", "per cent", "pct")
    ("Desertion cases rose 10% compared with the previous quarter.", [("10%", 10, 10, "exact")]),
    (
        "About 10 percent of the regiment failed to return from leave.",
        [("About 10 percent", 10, 10, "approx")],
    ),
    (
        "Some 10 per cent of the recruits were sent back as unfit.",
        [("Some 10 per cent", 10, 10, "approx")],
    ),
    ("The share of verdicts with real prison time fell to 45%.", [("45%", 45, 45, "exact")]),
    (
        "Fewer than 5 per cent of the claims were approved.",
        [("Fewer than 5 per cent", None, 5, "under")],
    ),
    ("Support for peace talks rose to 38 pct in the latest poll.", [("38 pct", 38, 38, "exact")]),
    (
        "Approval is close to 100% for officers and far lower for privates.",
        [("close to 100%", 100, 100, "approx")],
    ),
    # --- percentage points
    (
        "The approval rate rose by 4 percentage points to 19%.",
        [("4 percentage points", 4, 4, "exact"), ("19%", 19, 19, "exact")],
    ),
    (
        "The share of suspended sentences fell 7.5 percentage points in a year.",
        [("7.5 percentage points", 7.5, 7.5, "exact")],
    ),
    (
        "Trust in the army slipped two percentage points.",
        [("two percentage points", 2, 2, "exact")],
    ),
    # --- fold changes
    ("Cases of desertion increased sixfold over the year.", [("sixfold", 6, 6, "exact")]),
    ("Applications rose six-fold after the decree.", [("six-fold", 6, 6, "exact")]),
    ("Calls to the hotline grew 6-fold in September.", [("6-fold", 6, 6, "exact")]),
    ("Convictions for going AWOL doubled in 2023.", [("doubled", 2, 2, "exact")]),
    (
        "Surrenders tripled after the hotline was advertised on television.",
        [("tripled", 3, 3, "exact")],
    ),
    ("Requests for help halved once the border was closed.", [("halved", 0.5, 0.5, "exact")]),
    (
        "Courts handed down three times more verdicts than a year earlier.",
        [("three times", 3, 3, "exact")],
    ),
    (
        "Officials say ten times less money reached the front than was promised.",
        [("ten times", 10, 10, "exact")],
    ),
    (
        "The group now receives twice as many requests as it did in spring.",
        [("twice", 2, 2, "exact")],
    ),
    (
        "Absences were 2.5 times higher than in the previous year.",
        [("2.5 times", 2.5, 2.5, "exact")],
    ),
    ("Cases quadrupled between 2022 and 2024.", [("quadrupled", 4, 4, "exact")]),
    ("The ministry reported a threefold rise in sentences.", [("threefold", 3, 3, "exact")]),
    ("Desertions rose almost tenfold in two years.", [("almost tenfold", 10, 10, "approx")]),
    (
        "Refusals to fight have more than doubled since the spring.",
        [("more than doubled", 2, None, "over")],
    ),
    # --- ranges: between/and, to, en dash, hyphen, em dash, from/to, shared magnitude
    (
        "Between 300,000 and 500,000 men are thought to be avoiding service.",
        [("Between 300,000 and 500,000", 300000, 500000, "range")],
    ),
    (
        "Analysts put the outflow at 15,000 to 18,000 a month.",
        [("15,000 to 18,000", 15000, 18000, "range")],
    ),
    ("The brigade lost 200–250 men in the assault.", [("200–250", 200, 250, "range")]),
    ("Each week 40-60 soldiers contact the group for advice.", [("40-60", 40, 60, "range")]),
    ("Daily losses ranged from 900 to 1,300 troops.", [("from 900 to 1,300", 900, 1300, "range")]),
    (
        "The ministry estimated 15 to 18 thousand departures a month.",
        [("15 to 18 thousand", 15000, 18000, "range")],
    ),
    ("Only 10–15% of the returnees stayed in their units.", [("10–15%", 10, 15, "range")]),
    (
        "Officials said approximately 15,000 to 18,000 soldiers leave every month.",
        [("approximately 15,000 to 18,000", 15000, 18000, "range")],
    ),
    (
        "Between 10% and 15% of the conscripts failed the medical.",
        [("Between 10% and 15%", 10, 15, "range")],
    ),
    (
        "Between 1.5 and 2 million people left the country in the first weeks.",
        [("Between 1.5 and 2 million", 1500000, 2000000, "range")],
    ),
    (
        "Some 4,000 to 5,000 people crossed the border each day.",
        [("Some 4,000 to 5,000", 4000, 5000, "range")],
    ),
    (
        "Two to three thousand men are believed to be hiding in the forests.",
        [("Two to three thousand", 2000, 3000, "range")],
    ),
    (
        f"Ukraine registered 15{NBSP}000–18{NBSP}000 cases a month over the summer.",
        [(f"15{NBSP}000–18{NBSP}000", 15000, 18000, "range")],
    ),
    ("The strike killed 20 to 25 soldiers at the training ground.", [("20 to 25", 20, 25, "range")]),
    ("The share of returnees was 10 to 15 percent.", [("10 to 15 percent", 10, 15, "range")]),
    (
        "Estimates of the losses vary from 2 million to 3 million.",
        [("from 2 million to 3 million", 2000000, 3000000, "range")],
    ),
    ("The outflow is put at 20,000—25,000 a month.", [("20,000—25,000", 20000, 25000, "range")]),
    (
        "Between two and four thousand men are on the wanted list.",
        [("Between two and four thousand", 2000, 4000, "range")],
    ),
    # --- two levels of a change are two figures, not a range
    (
        "The number of cases rose from 5,000 to 20,000 within a year.",
        [("5,000", 5000, 5000, "exact"), ("20,000", 20000, 20000, "exact")],
    ),
    # --- bound "over": over, more than, at least, exceeding, no fewer than, or more, -plus, +
    ("The conflict has claimed over 100,000 lives.", [("over 100,000", 100000, None, "over")]),
    (
        "The group has received more than 2,000 requests for help.",
        [("more than 2,000", 2000, None, "over")],
    ),
    ("At least 45 soldiers died in the strike on the training ground.", [("At least 45", 45, None, "over")]),
    (
        "Desertions since January are now exceeding 180,000, the paper said.",
        [("exceeding 180,000", 180000, None, "over")],
    ),
    ("No fewer than 500 men were detained in the raids.", [("No fewer than 500", 500, None, "over")]),
    ("Courts heard 500 or more AWOL cases each week.", [("500 or more", 500, None, "over")]),
    (
        "The project has a 2,000-plus waiting list of soldiers seeking to surrender.",
        [("2,000-plus", 2000, None, "over")],
    ),
    ("The petition drew 10,000+ signatures from soldiers' wives.", [("10,000+", 10000, None, "over")]),
    (
        "In excess of 30,000 files were transferred to the courts.",
        [("In excess of 30,000", 30000, None, "over")],
    ),
    ("Upwards of 800 servicemen have applied to the hotline.", [("Upwards of 800", 800, None, "over")]),
    ("Well over 1,000 men crossed into Georgia on Monday.", [("over 1,000", 1000, None, "over")]),
    ("Just under 300 soldiers returned.", [("under 300", None, 300, "under")]),
    ("Far more than 5,000 men fled abroad.", [("more than 5,000", 5000, None, "over")]),
    # --- bound "approx": nearly, almost, about, some, around, approximately, roughly, an estimated
    ("Nearly 20,000 men have been reported missing.", [("Nearly 20,000", 20000, 20000, "approx")]),
    (
        "Almost 4,000 cases were closed after the soldiers returned.",
        [("Almost 4,000", 4000, 4000, "approx")],
    ),
    ("About 650 fighters surrendered near the plant.", [("About 650", 650, 650, "approx")]),
    ("Some 2,000 soldiers are listed as absent.", [("Some 2,000", 2000, 2000, "approx")]),
    ("Around 3,400 Russians applied for asylum in France.", [("Around 3,400", 3400, 3400, "approx")]),
    (
        "Approximately 15,000 people were evacuated from the town.",
        [("Approximately 15,000", 15000, 15000, "approx")],
    ),
    ("Roughly 9,000 soldiers returned under the amnesty.", [("Roughly 9,000", 9000, 9000, "approx")]),
    (
        "An estimated 15,000 men have fled to avoid mobilisation.",
        [("An estimated 15,000", 15000, 15000, "approx")],
    ),
    ("Close to 700 soldiers were convicted in absentia.", [("Close to 700", 700, 700, "approx")]),
    ("Some 1500 troops were moved to the sector.", [("Some 1500", 1500, 1500, "approx")]),
    # --- bound "under": up to, as many as, fewer than, less than, no more than, at most, under
    (
        "Up to 1,400 soldiers were lost in a single day, the ministry claimed.",
        [("Up to 1,400", None, 1400, "under")],
    ),
    ("As many as 500 men may have surrendered.", [("As many as 500", None, 500, "under")]),
    ("Fewer than 300 Russians were granted refugee status.", [("Fewer than 300", None, 300, "under")]),
    ("Less than 10% of the deserters returned.", [("Less than 10%", None, 10, "under")]),
    ("No more than 40 applications were approved.", [("No more than 40", None, 40, "under")]),
    ("At most 60 soldiers remained in the village.", [("At most 60", None, 60, "under")]),
    ("Under 200 people have been granted protection so far.", [("Under 200", None, 200, "under")]),
    # --- rates: the rate words are not part of the figure
    (
        "Roughly 500 soldiers leave their posts every day, the report says.",
        [("Roughly 500", 500, 500, "approx")],
    ),
    ("The hotline takes about 60 calls a day.", [("about 60", 60, 60, "approx")]),
    (
        "Courts are hearing more than 1,000 AWOL cases per week.",
        [("more than 1,000", 1000, None, "over")],
    ),
    (
        "Between 15,000 and 18,000 troops desert monthly.",
        [("Between 15,000 and 18,000", 15000, 18000, "range")],
    ),
    ("An average of 2,000 claims are filed annually.", [("2,000", 2000, 2000, "exact")]),
    (
        "Border guards stop around 30 men a week trying to swim across the river.",
        [("around 30", 30, 30, "approx")],
    ),
    # --- several figures in one sentence, mixed with non-figures
    (
        "Since September 2022, courts have heard more than 7,300 AWOL cases, with desertion cases up "
        "sixfold in a year.",
        [("more than 7,300", 7300, None, "over"), ("sixfold", 6, 6, "exact")],
    ),
    (
        "Fewer than 300 Russians received refugee status in fiscal year 2022, while border officers "
        "met over 57,000 in fiscal year 2023.",
        [("Fewer than 300", None, 300, "under"), ("over 57,000", 57000, None, "over")],
    ),
    (
        "On 30 August 2025, the ministry said 29,000 soldiers had returned, about 8% of those who left.",
        [("29,000", 29000, 29000, "exact"), ("about 8%", 8, 8, "approx")],
    ),
    (
        "In October alone 21,600 men left their posts, and the year's total exceeded 180,000.",
        [("21,600", 21600, 21600, "exact"), ("exceeded 180,000", 180000, None, "over")],
    ),
    (
        "Asylum requests in France rose by more than 50%, to around 3,400.",
        [("more than 50%", 50, None, "over"), ("around 3,400", 3400, 3400, "approx")],
    ),
    (
        "Of the 1,200 detainees, 800 were released and 35 were charged.",
        [("1,200", 1200, 1200, "exact"), ("800", 800, 800, "exact"), ("35", 35, 35, "exact")],
    ),
    ("At 6 a.m., 14 soldiers were found missing from the barracks.", [("14", 14, 14, "exact")]),
    ("In 2024, 89,000 cases were registered.", [("89,000", 89000, 89000, "exact")]),
    ("Nov. 21, 2024 — Officials reported 310 new cases.", [("310", 310, 310, "exact")]),
    (
        "Of the 1,200 detainees, most were aged between 25 and 35.",
        [("1,200", 1200, 1200, "exact")],
    ),
    ("One of the two men was later detained.", [("two", 2, 2, "exact")]),
    ("The 47th brigade lost 120 men in the first week.", [("120", 120, 120, "exact")]),
    ("Under Article 337, 400 soldiers were charged last year.", [("400", 400, 400, "exact")]),
    ("He was one of 12 soldiers who fled.", [("12", 12, 12, "exact")]),
    (
        "Two Su-34 jets and 12 T-72 tanks were lost in the battle.",
        [("Two", 2, 2, "exact"), ("12", 12, 12, "exact")],
    ),
    # --- out-of-scope quantities are still figures here: distances, money, equipment
    ("Troops advanced 5 km towards the town.", [("5", 5, 5, "exact")]),
    ("The front line stretches for about 1,000 kilometres.", [("about 1,000", 1000, 1000, "approx")]),
    ("The bounty for a pilot who defects is $100,000.", [("$100,000", 100000, 100000, "exact")]),
    ("Soldiers at the front are paid 100,000 hryvnias a month.", [("100,000", 100000, 100000, "exact")]),
    (
        "Ukraine said it destroyed 12 tanks and 30 artillery systems.",
        [("12", 12, 12, "exact"), ("30", 30, 30, "exact")],
    ),
    (
        "Russia launched 90 drones and 14 missiles overnight.",
        [("90", 90, 90, "exact"), ("14", 14, 14, "exact")],
    ),
    ("The fine for missing a call-up is 25,500 hryvnias.", [("25,500", 25500, 25500, "exact")]),
    # --- not figures: dates
    ("The report was published on August 30.", []),
    ("The amnesty expired on 30 August 2025.", []),
    ("As of Nov. 21, no new figures had been released.", []),
    ("12/04/2024 21h57", []),
    ("On May 9, 2024, the ministry announced a new amnesty.", []),
    ("The decree took effect on 1 September.", []),
    ("By the end of June 2023 the programme had been suspended.", []),
    ("The full-scale invasion began on 24 February 2022.", []),
    ("The order is dated 2024-03-15.", []),
    ("Hearings were set for the 3rd of March.", []),
    ("The ruling of 14.05.2024 was overturned on appeal.", []),
    ("On November 7th, the spokeswoman repeated the claim.", []),
    # --- not figures: years
    ("In 2023, the army tightened its rules on leave.", []),
    ("The protests of 2013-2014 reshaped Ukrainian politics.", []),
    ("Statistics for fiscal year 2022 were published late.", []),
    ("The 2022 invasion changed everything for the family.", []),
    ("Conscription rules have changed repeatedly since the 1990s.", []),
    ("The law was first drafted in 2019 and passed in 2024.", []),
    ("Applications fell in 2022/2023 compared with the year before.", []),
    ("Between 2022 and 2024, the rules on leave were rewritten.", []),
    ("FY2023 data are still incomplete.", []),
    # --- not figures: times of day
    ("The statement was posted at 21h57 Kyiv time.", []),
    ("The hearing began at 10:30 on Monday.", []),
    ("Shelling resumed at 3 p.m. local time.", []),
    ("The curfew starts at 11 pm.", []),
    ("Updated 14:05 GMT", []),
    # --- not figures: ages
    ("The 43-year-old deserter was detained in Lviv.", []),
    ("Men aged 18 to 60 may not leave the country.", []),
    ("He is 43 years old and served in the infantry.", []),
    ("He was drafted at the age of 19.", []),
    ("Conscripts between the ages of 18 and 27 cannot be sent to the front.", []),
    ("A 25-year-old sergeant told reporters he had fled.", []),
    # --- not figures: durations and prison terms
    ("Desertion carries five to ten years in prison.", []),
    ("He was jailed for 15 days for a disciplinary offence.", []),
    ("Units must report an absence within 24 hours.", []),
    ("The court handed him a 10-year sentence.", []),
    ("He spent three months in a pre-trial detention centre.", []),
    ("The amnesty window lasted two weeks.", []),
    ("He was sentenced to 12 years in a strict-regime colony.", []),
    ("Soldiers who return within 72 hours face no charges.", []),
    ("In the first two months of this year, officials reported no change.", []),
    ("The average hearing lasted 1.5 hours.", []),
    ("The hearing lasted half an hour.", []),
    ("He served for a year and a half before he ran.", []),
    ("After 18 months at the front, he asked for leave.", []),
    ("Desertion can bring 10 years or more in prison.", []),
    ("Over the past 24 hours, the front was quiet.", []),
    ("He had been in hiding for six weeks when police found him.", []),
    ("In the first half of 2023, courts sat every weekday.", []),
    # --- not figures: code article numbers and other labels
    ("He was charged under Article 337 of the Criminal Code.", []),
    ("Prosecutors cited Part 5 of Article 407.", []),
    ("The order, No. 5, was signed in March.", []),
    ("Law No. 3633 toughened penalties for going absent.", []),
    ("Articles 337 and 338 deal with absence and desertion.", []),
    ("Paragraph 2 of the decree sets the deadline.", []),
    ("Case No. 1-245/2024 was heard in Lviv.", []),
    ("Section 4 of the law lists the exemptions.", []),
    # --- not figures: ordinals
    ("As the war enters its third year, morale is falling.", []),
    ("The war has entered its twenty first month.", []),
    ("The 47th brigade has been fighting near Avdiivka.", []),
    ("He finished 1st in his training class.", []),
    ("It was the second time the unit had been pulled back.", []),
    ("The 3rd Assault Brigade is recruiting again.", []),
    ("For the fifth time this year, the hearing was postponed.", []),
    ("The 155th Marine Brigade became a byword for desertion.", []),
    ("This is the 1,000th day of the war.", []),
    ("The twenty-second session of the court opened in Kyiv.", []),
    # --- not figures: vague magnitudes and quantifiers
    ("Thousands of soldiers have left their units.", []),
    ("Dozens of men were detained at the border.", []),
    ("Tens of thousands of cases remain unresolved.", []),
    ("Hundreds of thousands have fled abroad.", []),
    ("Several thousand deserters are believed to be hiding in the region.", []),
    ("A few hundred returned under the amnesty.", []),
    ("Millions of people have been displaced.", []),
    ("Many soldiers say they were never trained.", []),
    ("Scores of soldiers refused to board the buses.", []),
    ("Hundreds of men queued at the office.", []),
    # --- not figures: page furniture
    ("2 min read", []),
    ("Responses (1)", []),
    ("Photo 3 of 10", []),
    ("Christian Baghai\n2 min readDec 9, 2023", []),
    ("Comments (12)", []),
    ("5 min read · Mar 3, 2024", []),
    # --- not figures: identifiers of weapons, diseases, groups and units
    ("A Su-34 bomber was shot down over the region.", []),
    ("The crew abandoned a T-72 tank near the village.", []),
    ("COVID-19 restrictions delayed the trials.", []),
    ("Pilots are training on F-16 jets in Denmark.", []),
    ("An S-300 battery fired at the city overnight.", []),
    ("Kh-101 cruise missiles hit the power station.", []),
    ("The G7 promised more support.", []),
    ("An Mi-8 helicopter landed in Ukraine with its crew.", []),
    ("Brigade A0224 is based near Kharkiv.", []),
    ("Russian military unit 31612 lists the soldier as missing.", []),
    # --- not figures: digits inside URLs
    ("Full data: https://example.org/reports/2024/desertion-21600.pdf", []),
    ("The list was published at www.example.com/cases/337.", []),
    ("See t.me/mediazona_news/4512 for the court list.", []),
    ("Source: https://t.me/s/idite_lesom/1200", []),
    # --- not figures: "one" as a pronoun or determiner
    ("One of the soldiers said he had not slept in days.", []),
    ("No one in the unit was told where they were going.", []),
    ("On the one hand, the law punishes desertion harshly.", []),
    ("One day, the commander simply disappeared.", []),
    ("They left the trench one by one.", []),
    ("He was the one who signed the order.", []),
    # --- "X or Y": a range
    ("Every week the hotline hears from two or three new soldiers.", [("two or three", 2, 3, "range")]),
    ("Some 20 or 30 men left the battalion.", [("Some 20 or 30", 20, 30, "range")]),
    ("There were 5,000 or 6,000 deserters, officers said.", [("5,000 or 6,000", 5000, 6000, "range")]),
    ("Another 500 or more may have fled.", [("500 or more", 500, None, "over")]),
    # --- a count after "Article N and": no article number
    (
        "Courts heard 98,000 cases under Article 407 and 3,100 under Article 408.",
        [("98,000", 98000, 98000, "exact"), ("3,100", 3100, 3100, "exact")],
    ),
    ("Courts applied Articles 337 and 338.", []),
]
