"""Small-article cases for the whole claim pipeline (``headcount.extract_claims``).

Each case is a dict::

    {"id": "short-slug", "published": "YYYY-MM-DD" or None, "text": "...", "claims": [...]}

``text`` is the article body. ``claims`` lists EVERY in-scope claim of the text, in order of
appearance; each expected claim gives ``figure`` (the exact substring) and only the fields the case
is about, out of low, high, bound, kind, metric, side, period_start, period_end, per, claimant,
via and hedged. A field that is left out is not checked. ``claims: []`` means the text has no
in-scope figure (interview samples, prison terms, money, equipment, distances, vague numbers,
counts of countries or units, ages, dates, code articles...).

The expectations apply ../shared/SCHEMA.md and corpus/seeds/NOTES.md as an independent annotator
would; where those are silent, the decisions are:

- Figure text: number words plus their qualifier, no noun, no emphasis ("only", "another", "a
  further"); percent signs/words belong to the figure; "three times more" -> "three times".
- Periods are resolved against ``published``. Rolling windows ("in the past year", "over the past
  24 hours", "over the past day", "over the past week") run from the same day one year / one day /
  seven days before the publication date to the publication date. A stated cut-off ("By August
  30", "as of Nov. 21") ends the period; its start is null unless a start is stated. A running
  total without a start ("have surrendered") starts null, except a cumulative war toll of lives or
  killed, which starts at the war's start, 2022-02-24 (NOTES 6). "last month" is the previous
  calendar month, "this month"/"so far this year" run from its first day to the publication date.
  With ``published`` None, anything that needs it is null.
- ``claimant`` is written exactly as in the text (apostrophes as typed); titles before a name are
  dropped ("Defence Minister Rustem Umerov" -> "Rustem Umerov"). "told reporters" names no
  intermediary, so ``via`` stays empty; "told Radio Liberty" puts the outlet in ``via``. A chain
  "A, citing B, which cited C" gives claimant C and via [B, A] (from the claimant towards us).
- ``side`` counts whose soldiers or citizens: "the enemy" in a Ukrainian General Staff report is
  Russia's; "Kiev regime militants" and "Ukrainian formations" in Russian reports are Ukraine's; a
  toll over both sides is unknown; North Korean soldiers are other.
- A poll's share of respondents holding an opinion is not a claim (it counts a sample's views, not
  the phenomenon).
- "unconfirmed reports" hedges like "unverified"; a hedge covers the figures of the statement it
  qualifies within its sentence (and the previous sentence when it is "The figure could not be
  verified"), never a separate statement joined by "while".

Every text is written for this table; names of real bodies and outlets appear only so that the
attribution rules have something realistic to work on, and the numbers are illustrative.
"""

JAN_2025 = "2025-01-01"

CLAIM_CASES: list[dict] = [
    # --- metric: "deserters"
    {
        "id": "metric-deserters-search",
        "published": "2025-03-10",
        "text": "The military prosecutor’s office in Kharkiv says it is searching for 3,150 deserters "
        "from units based in the region.",
        "claims": [{"figure": "3,150", "metric": "desertion", "kind": "count"}],
    },
    {
        "id": "metric-deserters-rate-week",
        "published": "2025-02-02",
        "text": "Roughly 2,000 deserters a week are slipping away from the eastern brigades, a "
        "Ukrainian officer estimated.",
        "claims": [{"figure": "Roughly 2,000", "metric": "desertion", "kind": "rate", "per": "week"}],
    },
    # --- metric: "left their units"
    {
        "id": "metric-left-units",
        "published": "2025-04-20",
        "text": "More than 12,000 soldiers left their units without permission in the first quarter, "
        "prosecutors said.",
        "claims": [
            {"figure": "More than 12,000", "metric": "desertion", "low": 12000, "high": None, "bound": "over"}
        ],
    },
    {
        "id": "metric-left-units-perfect",
        "published": "2025-05-02",
        "text": "Some 60,000 soldiers have left their units in the Donetsk sector alone, the brigade’s "
        "former chaplain said.",
        "claims": [{"figure": "Some 60,000", "metric": "desertion", "bound": "approx"}],
    },
    # --- metric: "abandoned their posts"
    {
        "id": "metric-abandoned-posts",
        "published": "2024-08-14",
        "text": "Some 600 servicemen abandoned their posts during the retreat from the town, a "
        "battalion commander said.",
        "claims": [{"figure": "Some 600", "metric": "desertion"}],
    },
    # --- metric: "went AWOL", "absent without leave"
    {
        "id": "metric-went-awol",
        "published": "2024-06-03",
        "text": "At least 1,800 soldiers of the brigade went AWOL before it was sent to the front.",
        "claims": [{"figure": "At least 1,800", "metric": "desertion", "bound": "over", "low": 1800}],
    },
    {
        "id": "metric-absent-without-leave",
        "published": "2024-12-01",
        "text": "Kyiv estimates that 95,000 troops are currently absent without leave.",
        "claims": [{"figure": "95,000", "metric": "desertion"}],
    },
    # --- metric: "criminal cases" (counted noun beats the desertion words in the clause)
    {
        "id": "metric-criminal-cases",
        "published": "2025-01-20",
        "text": "Ukrainian investigators opened more than 60,000 criminal cases over unauthorised "
        "absence in 2024.",
        "claims": [
            {
                "figure": "more than 60,000",
                "metric": "criminal_case",
                "kind": "count",
                "period_start": "2024-01-01",
                "period_end": "2024-12-31",
            }
        ],
    },
    {
        "id": "metric-cases-in-courts",
        "published": "2024-04-20",
        "text": "Russian courts received 1,300 cases against soldiers who went AWOL in March.",
        "claims": [{"figure": "1,300", "metric": "criminal_case", "side": "russia"}],
    },
    # --- metric: "proceedings"
    {
        "id": "metric-proceedings",
        "published": "2024-05-05",
        "text": "The State Bureau of Investigation has initiated 1,900 criminal proceedings for "
        "desertion since January.",
        "claims": [{"figure": "1,900", "metric": "criminal_case"}],
    },
    # --- metric: "notices of suspicion"
    {
        "id": "metric-notices-of-suspicion",
        "published": "2024-09-09",
        "text": "Prosecutors served 7,500 notices of suspicion on soldiers accused of leaving their "
        "positions.",
        "claims": [{"figure": "7,500", "metric": "criminal_case"}],
    },
    # --- metric: "verdicts", "sentenced", "convicted"
    {
        "id": "metric-verdicts",
        "published": "2024-02-15",
        "text": "Russian garrison courts delivered 5,517 verdicts in AWOL cases last year, according "
        "to Mediazona.",
        "claims": [
            {
                "figure": "5,517",
                "metric": "conviction",
                "side": "russia",
                "period_start": "2023-01-01",
                "period_end": "2023-12-31",
                "claimant": "Mediazona",
            }
        ],
    },
    {
        "id": "metric-sentenced",
        "published": "2023-09-01",
        "text": "A military court in Rostov sentenced 46 servicemen for desertion in the first half of 2023.",
        "claims": [
            {
                "figure": "46",
                "metric": "conviction",
                "period_start": "2023-01-01",
                "period_end": "2023-06-30",
            }
        ],
    },
    {
        "id": "metric-convicted",
        "published": "2024-10-30",
        "text": "More than 9,000 soldiers have been convicted of going absent without leave since "
        "2022, court records show.",
        "claims": [{"figure": "More than 9,000", "metric": "conviction"}],
    },
    # --- metric: "surrendered", "laid down their arms", "gave themselves up"
    {
        "id": "metric-surrendered",
        "published": "2024-10-02",
        "text": "Ukraine’s military intelligence said 1,100 Russian soldiers had surrendered through "
        "its hotline this year.",
        "claims": [{"figure": "1,100", "metric": "surrender", "side": "russia"}],
    },
    {
        "id": "metric-laid-down-arms",
        "published": "2024-08-20",
        "text": "About 70 Ukrainian marines laid down their arms near the village, Russia’s Defence "
        "Ministry claimed.",
        "claims": [{"figure": "About 70", "metric": "surrender", "side": "ukraine", "hedged": True}],
    },
    {
        "id": "metric-gave-themselves-up",
        "published": "2024-09-03",
        "text": "Another 48 servicemen of the Armed Forces of Ukraine gave themselves up in the Kursk "
        "region, the ministry added.",
        "claims": [{"figure": "48", "metric": "surrender", "side": "ukraine"}],
    },
    # --- metric: "switched sides", "defected"
    {
        "id": "metric-switched-sides",
        "published": "2024-07-11",
        "text": "Russian officials say 150 former Ukrainian servicemen have switched sides and now "
        "fight in a volunteer battalion.",
        "claims": [{"figure": "150", "metric": "defection", "side": "ukraine"}],
    },
    {
        "id": "metric-defected",
        "published": "2024-03-15",
        "text": "Eight Russian airmen have defected to Ukraine since the invasion, Ukrainian "
        "intelligence says.",
        "claims": [{"figure": "Eight", "metric": "defection", "side": "russia"}],
    },
    # --- metric: "requests for help", "contacted the hotline", asked a group for help
    {
        "id": "metric-requests-for-help",
        "published": "2024-06-30",
        "text": "The group said it had received over 4,000 requests for help from servicemen since "
        "the start of the year.",
        "claims": [{"figure": "over 4,000", "metric": "assistance_request", "kind": "count"}],
    },
    {
        "id": "metric-contacted-hotline",
        "published": "2024-05-15",
        "text": "More than 30,000 Russian servicemen and their relatives have contacted the hotline "
        "of the surrender project, its spokesman said.",
        "claims": [{"figure": "More than 30,000", "metric": "assistance_request", "side": "russia"}],
    },
    {
        "id": "metric-asked-group",
        "published": "2024-06-04",
        "text": "In May alone, 620 soldiers asked the Get Lost group to help them leave the army.",
        "claims": [{"figure": "620", "metric": "assistance_request"}],
    },
    # --- metric: asylum applications, requests, claims
    {
        "id": "metric-asylum-applications",
        "published": "2024-05-01",
        "text": "Russians filed 5,200 asylum applications in France last year.",
        "claims": [
            {
                "figure": "5,200",
                "metric": "asylum_application",
                "side": "russia",
                "period_start": "2023-01-01",
                "period_end": "2023-12-31",
            }
        ],
    },
    {
        "id": "metric-asylum-requests",
        "published": "2024-03-02",
        "text": "Germany registered about 7,600 first-time asylum requests from Russian citizens in 2023.",
        "claims": [{"figure": "about 7,600", "metric": "asylum_application", "side": "russia"}],
    },
    {
        "id": "metric-asylum-claims-change",
        "published": "2024-03-20",
        "text": "Asylum claims by Russians in the EU rose by more than 40% last year.",
        "claims": [{"figure": "more than 40%", "metric": "asylum_application", "kind": "change", "low": 40}],
    },
    # --- metric: "granted refugee status", "granted protection"
    {
        "id": "metric-refugee-status",
        "published": "2024-11-11",
        "text": "Only 12 Russian deserters have been granted refugee status in Germany so far.",
        "claims": [{"figure": "12", "metric": "asylum_granted", "side": "russia"}],
    },
    {
        "id": "metric-granted-protection-word",
        "published": "2024-11-11",
        "text": "Kazakhstan has not granted asylum to any deserters, while Armenia granted protection "
        "to three.",
        "claims": [{"figure": "three", "metric": "asylum_granted", "low": 3, "high": 3}],
    },
    # --- metric: passports and citizenship
    {
        "id": "metric-passports",
        "published": "2024-06-20",
        "text": "Apti Alaudinov said 300 surrendered Ukrainian soldiers had applied for Russian passports.",
        "claims": [{"figure": "300", "metric": "citizenship", "side": "ukraine"}],
    },
    {
        "id": "metric-citizenship",
        "published": "2024-06-20",
        "text": "More than 40 former AFU servicemen received Russian citizenship under the decree.",
        "claims": [{"figure": "More than 40", "metric": "citizenship", "side": "ukraine"}],
    },
    # --- metric: "encountered at the border"
    {
        "id": "metric-border-encounter",
        "published": "2024-01-10",
        "text": "US border agents encountered 35,000 Russians at the southern border in fiscal year 2023.",
        "claims": [
            {
                "figure": "35,000",
                "metric": "border_encounter",
                "side": "russia",
                "period_start": "2022-10-01",
                "period_end": "2023-09-30",
            }
        ],
    },
    # --- metric: "lives", "killed", "killed and wounded"
    {
        "id": "metric-lives",
        "published": "2024-02-24",
        "text": "The war has cost more than 150,000 lives, researchers at the university estimate.",
        "claims": [{"figure": "more than 150,000", "metric": "casualties", "side": "unknown"}],
    },
    {
        "id": "metric-killed",
        "published": "2024-11-03",
        "text": "At least 45 soldiers were killed in the missile strike on the training ground, the "
        "regional governor said.",
        "claims": [{"figure": "At least 45", "metric": "casualties"}],
    },
    {
        "id": "metric-killed-and-wounded",
        "published": "2024-06-01",
        "text": "Russia’s casualties have reached roughly 400,000 killed and wounded, the ministry "
        "estimated.",
        "claims": [{"figure": "roughly 400,000", "metric": "casualties", "side": "russia", "hedged": False}],
    },
    # --- metric: "displaced", refugees
    {
        "id": "metric-displaced",
        "published": "2024-05-25",
        "text": "Fighting in the region has displaced 14,000 residents since the offensive began.",
        "claims": [{"figure": "14,000", "metric": "displacement"}],
    },
    {
        "id": "metric-refugees",
        "published": "2024-06-20",
        "text": "The UN refugee agency counts 6.8 million refugees from Ukraine worldwide.",
        "claims": [{"figure": "6.8 million", "metric": "displacement", "side": "ukraine", "low": 6800000}],
    },
    # --- metric: "cases of desertion" are criminal cases, also as a change
    {
        "id": "metric-cases-of-desertion",
        "published": "2024-11-02",
        "text": "Cases of desertion in Russian courts rose to 1,300 in the third quarter.",
        "claims": [{"figure": "1,300", "metric": "criminal_case", "side": "russia"}],
    },
    {
        "id": "metric-desertion-cases-fivefold",
        "published": "2024-11-02",
        "text": "Desertion cases have increased fivefold in a year, the court data show.",
        "claims": [{"figure": "fivefold", "metric": "criminal_case", "kind": "change", "low": 5, "high": 5}],
    },
    # --- metric: amnesty returns, as a count and as a share
    {
        "id": "metric-amnesty-return",
        "published": "2025-01-15",
        "text": "About 9,500 soldiers returned to service after the law allowing first-time "
        "absentees to come back without charges took effect.",
        # The text names no side and has no context: only the metric is checked.
        "claims": [{"figure": "About 9,500", "metric": "amnesty_return"}],
    },
    {
        "id": "metric-amnesty-share-fraction",
        "published": "2025-01-15",
        "text": "Roughly a third of those who had left came back under the amnesty.",
        "claims": [
            {
                "figure": "Roughly a third",
                "metric": "amnesty_return",
                "kind": "share",
                "low": 33.33,
                "high": 33.33,
                "bound": "approx",
            }
        ],
    },
    # --- kind: rate, share and change
    {
        "id": "kind-rate-day",
        "published": "2025-02-10",
        "text": "About 500 soldiers go AWOL every day, the officer said.",
        "claims": [
            {
                "figure": "About 500",
                "kind": "rate",
                "per": "day",
                "metric": "desertion",
                "period_start": None,
                "period_end": None,
            }
        ],
    },
    {
        "id": "kind-rate-monthly-range",
        "published": "2025-02-10",
        "text": "Desertions now run at 20,000 to 25,000 monthly, the MP estimated.",
        "claims": [
            {
                "figure": "20,000 to 25,000",
                "kind": "rate",
                "per": "month",
                "low": 20000,
                "high": 25000,
                "bound": "range",
            }
        ],
    },
    {
        "id": "kind-rate-per-week-cases",
        "published": "2024-09-12",
        "text": "Garrison courts are handling some 300 AWOL cases per week.",
        "claims": [{"figure": "some 300", "kind": "rate", "per": "week", "metric": "criminal_case"}],
    },
    {
        "id": "kind-share-percent",
        "published": "2024-09-12",
        "text": "About 15% of the mobilised men in the brigade have deserted, the report found.",
        "claims": [
            {"figure": "About 15%", "kind": "share", "metric": "desertion", "low": 15, "bound": "approx"}
        ],
    },
    {
        "id": "kind-change-doubled",
        "published": "2023-12-01",
        "text": "Desertions doubled after the failed counter-offensive, according to the General Staff.",
        "claims": [{"figure": "doubled", "kind": "change", "metric": "desertion", "low": 2, "high": 2}],
    },
    {
        "id": "kind-change-percent",
        "published": "2025-01-20",
        "text": "Criminal cases for going absent without leave rose by 35% in the second half of the year.",
        "claims": [{"figure": "35%", "kind": "change", "metric": "criminal_case"}],
    },
    {
        "id": "kind-share-one-in-five",
        "published": "2024-04-04",
        "text": "One in five men called up in the region has since deserted.",
        "claims": [{"figure": "One in five", "kind": "share", "metric": "desertion", "low": 20.0}],
    },
    # --- out of scope: interview samples and checked documents
    {
        "id": "neg-interview-sample",
        "published": "2024-04-12",
        "text": "The Associated Press spoke with seven deserters now hiding in Kazakhstan.",
        "claims": [],
    },
    {
        "id": "neg-documents-checked",
        "published": "2024-04-12",
        "text": "Reporters reviewed the military papers of 40 soldiers who had fled the front.",
        "claims": [],
    },
    # --- out of scope: prison terms, durations, ages, dates, ordinals
    {
        "id": "neg-prison-term",
        "published": "2024-01-05",
        "text": "Desertion in wartime is punishable by five to 12 years in prison.",
        "claims": [],
    },
    {
        "id": "neg-durations",
        "published": "2024-01-05",
        "text": "He spent 18 months at the front before he fled, and hid for six weeks in a forest.",
        "claims": [],
    },
    {
        "id": "neg-ages",
        "published": "2024-01-05",
        "text": "Men aged 18 to 60 are barred from leaving Ukraine.",
        "claims": [],
    },
    {
        "id": "neg-dates-ordinals",
        "published": "2024-12-05",
        "text": "The amnesty law, signed on 29 November 2024, was the second such measure since the war "
        "entered its third year.",
        "claims": [],
    },
    # --- out of scope: code articles
    {
        "id": "neg-code-articles",
        "published": "2024-01-05",
        "text": "Desertion falls under Article 408 of the Criminal Code, while leaving a unit falls "
        "under Part 5 of Article 407.",
        "claims": [],
    },
    # --- out of scope: money, bounties, pay
    {
        "id": "neg-money",
        "published": "2024-03-18",
        "text": "The EU approved €5 billion in military aid for Ukraine.",
        "claims": [],
    },
    {
        "id": "neg-bounty-defect",
        "published": "2023-08-10",
        "text": "Kyiv offers $500,000 to Russian pilots who defect with their aircraft.",
        "claims": [],
    },
    {
        "id": "neg-salary",
        "published": "2024-03-18",
        "text": "Soldiers at the front are paid up to 100,000 hryvnias a month.",
        "claims": [],
    },
    # --- out of scope: equipment and distances
    {
        "id": "neg-equipment",
        "published": "2024-07-07",
        "text": "Ukrainian forces destroyed 14 tanks and three helicopters over the past day.",
        "claims": [],
    },
    {
        "id": "neg-drones",
        "published": "2024-07-07",
        "text": "Russia launched 90 drones overnight; air defences downed 74 of them.",
        "claims": [],
    },
    {
        "id": "neg-distance",
        "published": "2024-07-07",
        "text": "The battalion retreated 20 kilometres to a new line of defence.",
        "claims": [],
    },
    # --- out of scope: counts of countries, units, and a change of a punishment
    {
        "id": "neg-countries",
        "published": "2024-04-12",
        "text": "Deserters have sought refuge in at least seven countries.",
        "claims": [],
    },
    {
        "id": "neg-brigades",
        "published": "2024-04-12",
        "text": "The commanders of three brigades were dismissed over mass desertions.",
        "claims": [],
    },
    {
        "id": "neg-doubling-punishment",
        "published": "2023-12-09",
        "text": "Putin signed a law that doubles the punishment for desertion and surrender.",
        "claims": [],
    },
    # --- out of scope: a poll sample and the share of respondents' opinions
    {
        "id": "neg-poll",
        "published": "2024-10-01",
        "text": "In a poll of 2,000 Ukrainians, 31% said deserters should be forgiven.",
        "claims": [],
    },
    # --- out of scope: vague magnitudes and quantifiers without a numeral
    {
        "id": "neg-vague",
        "published": "2024-10-01",
        "text": "Thousands of Russian soldiers have tried to escape the front, and tens of thousands of "
        "cases are pending.",
        "claims": [],
    },
    {
        "id": "neg-vague-several-dozens",
        "published": "2024-10-01",
        "text": "Several thousand men are believed to be hiding in the Carpathians, and dozens more "
        "cross the Tisza each week.",
        "claims": [],
    },
    {
        "id": "neg-no-numeral",
        "published": None,
        "text": "An increasing number of Ukrainian soldiers are surrendering, and some have sought "
        "Russian passports.",
        "claims": [],
    },
    # --- out of scope: "one" as a pronoun, page furniture, identifiers, URLs
    {
        "id": "neg-pronoun-one",
        "published": None,
        "text": "One of the deserters said no one in his unit had been told where they were going.",
        "claims": [],
    },
    {
        "id": "neg-page-furniture",
        "published": "2023-12-09",
        "text": "2 min read\n\nResponses (1)\n\nPhoto 3 of 10: Soldiers of the 47th brigade near Avdiivka.",
        "claims": [],
    },
    {
        "id": "neg-identifiers",
        "published": None,
        "text": "A Su-34 bomber and an Mi-8 helicopter were shot down near the border.",
        "claims": [],
    },
    {
        "id": "neg-url",
        "published": None,
        "text": "Court lists: https://example.org/courts/2024/desertion?page=21600",
        "claims": [],
    },
    # --- side: Ukrainian soldiers, AFU, Kyiv's forces (also when Russia is the claimant)
    {
        "id": "side-ukrainian-soldiers",
        "published": "2024-09-01",
        "text": "TASS said 2,000 Ukrainian soldiers had surrendered in the Kursk region since August.",
        "claims": [{"figure": "2,000", "side": "ukraine", "metric": "surrender"}],
    },
    {
        "id": "side-russia-says-ukrainians",
        "published": "2024-09-05",
        "text": "Russia says 1,500 Ukrainian soldiers surrendered in August.",
        "claims": [{"figure": "1,500", "side": "ukraine"}],
    },
    {
        "id": "side-afu",
        "published": "2024-10-20",
        "text": "More than 400 AFU servicemen have crossed over to the Russian side this year, the "
        "ministry claimed.",
        "claims": [{"figure": "More than 400", "side": "ukraine", "metric": "defection"}],
    },
    {
        "id": "side-kyivs-forces",
        "published": "2024-11-02",
        "text": "Kyiv’s forces lost up to 1,400 troops over the past 24 hours, the Russian Defence "
        "Ministry said.",
        "claims": [
            {
                "figure": "up to 1,400",
                "side": "ukraine",
                "metric": "casualties",
                "bound": "under",
                "high": 1400,
            }
        ],
    },
    # --- side: Russian servicemen, mobilised, Russians
    {
        "id": "side-russian-servicemen",
        "published": "2024-07-19",
        "text": "More than 500 Russian servicemen have asked the project for help to surrender, "
        "Ukrainian intelligence said.",
        "claims": [{"figure": "More than 500", "side": "russia", "metric": "assistance_request"}],
    },
    {
        "id": "side-mobilised-context",
        "published": "2024-09-21",
        "text": "Russia’s partial mobilisation began in September 2022. Since then, some 1,100 of the "
        "mobilised have been convicted of going AWOL, court data show.",
        "claims": [{"figure": "some 1,100", "side": "russia", "metric": "conviction"}],
    },
    {
        "id": "side-russians-border",
        "published": "2024-02-01",
        "text": "Finland refused entry to 1,200 Russians at its eastern border last year.",
        "claims": [{"figure": "1,200", "side": "russia"}],
    },
    {
        "id": "side-russian-citizens-asylum",
        "published": "2024-04-30",
        "text": "Russian citizens lodged 9,000 first-time asylum applications in the EU last year.",
        "claims": [{"figure": "9,000", "side": "russia", "metric": "asylum_application"}],
    },
    {
        "id": "side-wagner",
        "published": "2023-05-25",
        "text": "Wagner lost about 20,000 fighters in Bakhmut, Yevgeny Prigozhin said.",
        "claims": [{"figure": "about 20,000", "side": "russia", "metric": "casualties"}],
    },
    # --- side: third countries are "other"
    {
        "id": "side-north-korean",
        "published": "2024-12-19",
        "text": "About 300 North Korean soldiers have been killed in the Kursk region, Seoul’s "
        "intelligence service said.",
        "claims": [{"figure": "About 300", "side": "other", "metric": "casualties"}],
    },
    # --- side: a war-wide toll is "unknown"
    {
        "id": "side-war-toll",
        "published": "2025-02-24",
        "text": "The war has claimed more than 500,000 lives, according to Western estimates.",
        "claims": [{"figure": "more than 500,000", "side": "unknown", "metric": "casualties"}],
    },
    {
        "id": "side-both-sides-toll",
        "published": "2025-02-24",
        "text": "Combined losses on both sides have exceeded 1 million killed and wounded, the "
        "newspaper estimated.",
        "claims": [{"figure": "exceeded 1 million", "side": "unknown", "low": 1000000, "bound": "over"}],
    },
    # --- side: partisan vocabulary ("occupiers", "the enemy", "Kiev regime")
    {
        "id": "side-occupiers",
        "published": "2024-11-15",
        "text": "The occupiers lost another 1,530 soldiers over the past day, Ukraine’s General Staff "
        "reported.",
        "claims": [{"figure": "1,530", "side": "russia", "metric": "casualties"}],
    },
    {
        "id": "side-enemy-in-ukrainian-report",
        "published": "2024-11-16",
        "text": "The enemy lost 1,090 personnel in the past 24 hours, the General Staff of Ukraine’s "
        "Armed Forces said.",
        "claims": [{"figure": "1,090", "side": "russia"}],
    },
    {
        "id": "side-kiev-regime",
        "published": "2024-11-16",
        "text": "In the Kupyansk direction, the Kiev regime lost up to 310 militants, the ministry said.",
        "claims": [{"figure": "up to 310", "side": "ukraine", "metric": "casualties"}],
    },
    # --- side: falls back to what the article is about
    {
        "id": "side-fallback-article",
        "published": "2024-11-05",
        "text": "Ukraine’s army is struggling to hold the line in the east. In October, 14,000 soldiers "
        "left their positions without orders.",
        "claims": [
            {
                "figure": "14,000",
                "side": "ukraine",
                "metric": "desertion",
                "period_start": "2024-10-01",
                "period_end": "2024-10-31",
            }
        ],
    },
    # --- period: "In October alone"
    {
        "id": "period-october-alone",
        "published": "2025-11-09",
        "text": "In October alone, about 19,000 soldiers left their units without leave, the "
        "newspaper reported.",
        "claims": [{"figure": "about 19,000", "period_start": "2025-10-01", "period_end": "2025-10-31"}],
    },
    {
        "id": "period-october-previous-year",
        "published": "2025-01-15",
        "text": "In October, 200 soldiers crossed into Moldova to escape service, border guards said.",
        "claims": [{"figure": "200", "period_start": "2024-10-01", "period_end": "2024-10-31"}],
    },
    # --- period: "since the beginning of the year", "so far this year", "this month"
    {
        "id": "period-since-beginning-of-year",
        "published": "2025-06-15",
        "text": "Since the beginning of the year, more than 90,000 criminal cases for desertion have "
        "been registered.",
        "claims": [{"figure": "more than 90,000", "period_start": "2025-01-01", "period_end": "2025-06-15"}],
    },
    {
        "id": "period-so-far-this-year",
        "published": "2024-06-10",
        "text": "So far this year, 1,250 soldiers have been sentenced for desertion.",
        "claims": [{"figure": "1,250", "period_start": "2024-01-01", "period_end": "2024-06-10"}],
    },
    # --- period: "since February 2022", "since September 2022"
    {
        "id": "period-since-february-2022",
        "published": "2024-08-01",
        "text": "Since February 2022, Ukrainian prosecutors have opened 95,000 cases over desertion and "
        "unauthorised absence.",
        "claims": [{"figure": "95,000", "period_start": "2022-02-01", "period_end": "2024-08-01"}],
    },
    {
        "id": "period-since-september-2022",
        "published": "2024-04-12",
        "text": "Courts have heard over 8,000 cases against AWOL soldiers since September 2022.",
        "claims": [{"figure": "over 8,000", "period_start": "2022-09-01", "period_end": "2024-04-12"}],
    },
    # --- period: "since the start of the full-scale invasion", "since the war began"
    {
        "id": "period-since-full-scale",
        "published": "2024-05-20",
        "text": "Since the start of the full-scale invasion, more than 3,000 Russian soldiers have "
        "surrendered through the hotline.",
        "claims": [{"figure": "more than 3,000", "period_start": "2022-02-24", "period_end": "2024-05-20"}],
    },
    {
        "id": "period-since-war-began",
        "published": "2023-12-09",
        "text": "Since the war began, the movement has helped 1,200 soldiers leave the army.",
        "claims": [{"figure": "1,200", "period_start": "2022-02-24", "period_end": "2023-12-09"}],
    },
    # --- period: "in the first two months of this year" (leap year and not)
    {
        "id": "period-first-two-months",
        "published": "2025-04-01",
        "text": "In the first two months of this year, the group received 1,400 requests from "
        "soldiers wanting to leave the army.",
        "claims": [{"figure": "1,400", "period_start": "2025-01-01", "period_end": "2025-02-28"}],
    },
    {
        "id": "period-first-two-months-leap",
        "published": "2024-03-20",
        "text": "More than 800 servicemen contacted the hotline in the first two months of this year.",
        "claims": [{"figure": "More than 800", "period_start": "2024-01-01", "period_end": "2024-02-29"}],
    },
    # --- period: "between January and August", "Between March and May 2023"
    {
        "id": "period-between-january-and-august",
        "published": "2024-09-20",
        "text": "Between January and August, courts received 4,600 cases against soldiers who had "
        "left their units.",
        "claims": [{"figure": "4,600", "period_start": "2024-01-01", "period_end": "2024-08-31"}],
    },
    {
        "id": "period-between-months-with-year",
        "published": "2023-10-01",
        "text": "Between March and May 2023, 900 soldiers were charged with desertion.",
        "claims": [{"figure": "900", "period_start": "2023-03-01", "period_end": "2023-05-31"}],
    },
    # --- period: "in the first half of 2023", "in the first quarter of 2024"
    {
        "id": "period-first-half-2023",
        "published": "2023-09-01",
        "text": "In the first half of 2023, Russian courts convicted 2,150 servicemen of going AWOL.",
        "claims": [{"figure": "2,150", "period_start": "2023-01-01", "period_end": "2023-06-30"}],
    },
    {
        "id": "period-first-quarter-2024",
        "published": "2024-05-01",
        "text": "In the first quarter of 2024, 18,000 criminal proceedings for unauthorised absence "
        "were registered.",
        "claims": [{"figure": "18,000", "period_start": "2024-01-01", "period_end": "2024-03-31"}],
    },
    # --- period: a year, a month of a year, "last year", "last month"
    {
        "id": "period-year",
        "published": "2025-02-01",
        "text": "In 2024, Ukraine registered 89,000 desertion cases, the prosecutor general’s office said.",
        "claims": [{"figure": "89,000", "period_start": "2024-01-01", "period_end": "2024-12-31"}],
    },
    {
        "id": "period-month-of-year",
        "published": "2023-05-02",
        "text": "In March 2023, some 700 soldiers contacted the group.",
        "claims": [{"figure": "some 700", "period_start": "2023-03-01", "period_end": "2023-03-31"}],
    },
    {
        "id": "period-last-year",
        "published": "2024-03-01",
        "text": "Last year, 3,900 Russians were granted asylum in Germany.",
        "claims": [{"figure": "3,900", "period_start": "2023-01-01", "period_end": "2023-12-31"}],
    },
    {
        "id": "period-last-month",
        "published": "2024-10-10",
        "text": "Last month, 2,400 soldiers returned to their units under the simplified procedure.",
        "claims": [
            {
                "figure": "2,400",
                "period_start": "2024-09-01",
                "period_end": "2024-09-30",
                "metric": "amnesty_return",
            }
        ],
    },
    # --- period: rolling windows ("in the past year", "over the past 24 hours", "past week")
    {
        "id": "period-past-year-change",
        "published": "2024-04-12",
        "text": "Desertion cases have risen fivefold in the past year, Mediazona found.",
        "claims": [
            {
                "figure": "fivefold",
                "kind": "change",
                "period_start": "2023-04-12",
                "period_end": "2024-04-12",
            }
        ],
    },
    {
        "id": "period-past-24-hours",
        "published": "2024-11-20",
        "text": "Over the past 24 hours, Russian forces lost 1,140 personnel, Ukraine’s General Staff said.",
        "claims": [
            {
                "figure": "1,140",
                "kind": "count",
                "per": None,
                "period_start": "2024-11-19",
                "period_end": "2024-11-20",
            }
        ],
    },
    {
        "id": "period-past-week",
        "published": "2024-03-08",
        "text": "Over the past week, 95 soldiers surrendered on the Zaporizhzhia front, the brigade said.",
        "claims": [{"figure": "95", "period_start": "2024-03-01", "period_end": "2024-03-08"}],
    },
    # --- period: stated cut-offs ("By August 30", "as of Nov. 21")
    {
        "id": "period-by-august-30",
        "published": "2025-09-13",
        "text": "By August 30, about 30,000 soldiers had come back to their units under the amnesty.",
        "claims": [
            {
                "figure": "about 30,000",
                "metric": "amnesty_return",
                "period_start": None,
                "period_end": "2025-08-30",
            }
        ],
    },
    {
        "id": "period-as-of-nov-21",
        "published": "2024-11-25",
        "text": "As of Nov. 21, the project had received 38,000 applications from Russian servicemen.",
        "claims": [{"figure": "38,000", "period_start": None, "period_end": "2024-11-21"}],
    },
    {
        "id": "period-as-of-with-since",
        "published": "2024-11-25",
        "text": "As of Nov. 21, more than 1,500 Russian soldiers had surrendered since the start of the "
        "full-scale invasion.",
        "claims": [{"figure": "more than 1,500", "period_start": "2022-02-24", "period_end": "2024-11-21"}],
    },
    # --- period: US fiscal years
    {
        "id": "period-fiscal-year-2022",
        "published": "2023-03-01",
        "text": "In fiscal year 2022, U.S. officials granted asylum to 1,100 Russians.",
        "claims": [
            {
                "figure": "1,100",
                "metric": "asylum_granted",
                "period_start": "2021-10-01",
                "period_end": "2022-09-30",
            }
        ],
    },
    {
        "id": "period-fiscal-year-2023",
        "published": "2024-01-10",
        "text": "Border agents encountered more than 50,000 Russians in fiscal year 2023.",
        "claims": [{"figure": "more than 50,000", "period_start": "2022-10-01", "period_end": "2023-09-30"}],
    },
    # --- period: "a year earlier" after a named year is the year before that one
    {
        "id": "period-fiscal-year-a-year-earlier",
        "published": "2025-01-15",
        "text": "Immigration courts approved 2,300 Russian asylum claims in fiscal 2024, up from 1,500 "
        "a year earlier.",
        "claims": [
            {"figure": "2,300", "period_start": "2023-10-01", "period_end": "2024-09-30"},
            {"figure": "1,500", "period_start": "2022-10-01", "period_end": "2023-09-30"},
        ],
    },
    {
        "id": "period-named-year-then-a-year-earlier",
        "published": "2025-03-01",
        "text": "In 2024 garrison courts received 7,300 AWOL cases, a year earlier just 1,200.",
        "claims": [
            {"figure": "7,300", "period_start": "2024-01-01", "period_end": "2024-12-31"},
            {"figure": "1,200", "period_start": "2023-01-01", "period_end": "2023-12-31"},
        ],
    },
    {
        "id": "period-the-previous-month-of-a-named-month",
        "published": "2025-06-02",
        "text": "Garrison courts received 4,100 AWOL cases in March, compared with 3,600 the previous month.",
        "claims": [
            {"figure": "4,100", "period_start": "2025-03-01", "period_end": "2025-03-31"},
            {"figure": "3,600", "period_start": "2025-02-01", "period_end": "2025-02-28"},
        ],
    },
    {
        "id": "period-last-year-without-a-named-year",
        "published": "2025-06-02",
        "text": "Prosecutors opened 640 desertion cases the previous year, the office said.",
        "claims": [{"figure": "640", "period_start": "2024-01-01", "period_end": "2024-12-31"}],
    },
    # --- period: stated in the previous sentence and continued
    {
        "id": "period-previous-sentence",
        "published": "2024-10-10",
        "text": "In September, prosecutors registered 17,000 cases of desertion. A further 5,000 were "
        "opened for unauthorised absence.",
        "claims": [
            {"figure": "17,000", "period_start": "2024-09-01", "period_end": "2024-09-30"},
            {"figure": "5,000", "period_start": "2024-09-01", "period_end": "2024-09-30"},
        ],
    },
    # --- period: running totals in the perfect tense end at publication (or statement) date
    {
        "id": "period-perfect-running-total",
        "published": "2024-07-01",
        "text": "Some 4,000 Russian soldiers have surrendered through the project, its coordinators say.",
        "claims": [{"figure": "Some 4,000", "period_start": None, "period_end": "2024-07-01"}],
    },
    {
        "id": "period-statement-date",
        "published": "2025-11-09",
        "text": "On 7 November, Zakharova said more than 230,000 criminal cases had been opened in "
        "Ukraine since February 2022.",
        "claims": [{"figure": "more than 230,000", "period_start": "2022-02-01", "period_end": "2025-11-07"}],
    },
    {
        "id": "period-war-toll-no-since",
        "published": "2023-12-09",
        "text": "The conflict has killed more than 120,000 soldiers on both sides.",
        "claims": [
            {
                "figure": "more than 120,000",
                "side": "unknown",
                "period_start": "2022-02-24",
                "period_end": "2023-12-09",
            }
        ],
    },
    # --- period: rates with no period are null; a rate inside a stated year takes the year
    {
        "id": "period-rate-no-period",
        "published": "2025-11-09",
        "text": "Between 15,000 and 18,000 soldiers leave Ukraine’s army each month, the official said.",
        "claims": [
            {
                "figure": "Between 15,000 and 18,000",
                "kind": "rate",
                "per": "month",
                "period_start": None,
                "period_end": None,
            }
        ],
    },
    {
        "id": "period-rate-within-year",
        "published": "2024-02-01",
        "text": "In 2023, an average of 400 soldiers deserted each day.",
        "claims": [
            {
                "figure": "400",
                "kind": "rate",
                "per": "day",
                "period_start": "2023-01-01",
                "period_end": "2023-12-31",
            }
        ],
    },
    # --- period: a change takes the period of the newer quantity
    {
        "id": "period-change-newer-year",
        "published": "2025-02-10",
        "text": "Prosecutors opened three times more desertion cases in 2024 than in 2023.",
        "claims": [
            {
                "figure": "three times",
                "kind": "change",
                "low": 3,
                "high": 3,
                "period_start": "2024-01-01",
                "period_end": "2024-12-31",
            }
        ],
    },
    # --- period: no publication date, so date-relative ends stay null
    {
        "id": "period-no-published-since",
        "published": None,
        "text": "More than 95,000 criminal cases over unauthorised absence have been opened since "
        "February 2022.",
        "claims": [{"figure": "More than 95,000", "period_start": "2022-02-01", "period_end": None}],
    },
    {
        "id": "period-no-published-month",
        "published": None,
        "text": "In October, 21,000 men quit their positions without orders.",
        "claims": [{"figure": "21,000", "period_start": None, "period_end": None}],
    },
    # --- attribution: "according to X", "X said", "X stated", "X reported"
    {
        "id": "attr-according-to",
        "published": "2024-12-12",
        "text": "According to Mediazona, at least 10,000 servicemen have been convicted of going AWOL.",
        "claims": [{"figure": "at least 10,000", "claimant": "Mediazona", "via": []}],
    },
    {
        "id": "attr-said-after",
        "published": "2025-02-05",
        "text": "Some 5,000 soldiers returned to their units in January, Ukraine’s Defence Ministry said.",
        "claims": [{"figure": "Some 5,000", "claimant": "Ukraine’s Defence Ministry", "via": []}],
    },
    {
        "id": "attr-stated-title-dropped",
        "published": "2025-02-05",
        "text": "Defence Minister Rustem Umerov stated that 15,000 soldiers had returned to service "
        "under the new rules.",
        "claims": [{"figure": "15,000", "claimant": "Rustem Umerov", "via": []}],
    },
    {
        "id": "attr-reported",
        "published": "2024-08-08",
        "text": "Verstka reported that 2,700 mobilised men had been sentenced for leaving their units.",
        "claims": [{"figure": "2,700", "claimant": "Verstka", "via": []}],
    },
    # --- attribution: "told reporters" (no intermediary) vs "told <outlet>" (via)
    {
        "id": "attr-told-reporters",
        "published": "2024-04-05",
        "text": "Ivan Chuviliaev, a spokesman for the Get Lost group, told reporters that 800 "
        "soldiers had contacted the group in March.",
        "claims": [{"figure": "800", "claimant": "Ivan Chuviliaev", "via": []}],
    },
    {
        "id": "attr-told-outlet",
        "published": "2024-10-14",
        "text": "Oleksiy Hetman, a military analyst, told Radio Liberty that about 100,000 soldiers had "
        "deserted.",
        "claims": [{"figure": "about 100,000", "claimant": "Oleksiy Hetman", "via": ["Radio Liberty"]}],
    },
    # --- attribution: "X noted", "X revealed" (title dropped), "X estimated" (not a hedge)
    {
        "id": "attr-noted",
        "published": "2024-07-01",
        "text": "UNHCR noted that 4.3 million Ukrainians had registered for temporary protection in the EU.",
        "claims": [{"figure": "4.3 million", "claimant": "UNHCR", "via": [], "hedged": False}],
    },
    {
        "id": "attr-revealed-title-dropped",
        "published": "2024-06-20",
        "text": "Lieutenant General Apti Alaudinov revealed that 600 Ukrainian prisoners had asked to "
        "fight for Russia.",
        "claims": [{"figure": "600", "claimant": "Apti Alaudinov", "via": []}],
    },
    {
        "id": "attr-estimated",
        "published": "2025-01-30",
        "text": "Mediazona estimated that 16,000 soldiers had been convicted of going AWOL by the end "
        "of 2024.",
        "claims": [{"figure": "16,000", "claimant": "Mediazona", "via": [], "hedged": False}],
    },
    # --- attribution: "X's data", "data from X"
    {
        "id": "attr-possessive-data",
        "published": "2024-10-20",
        "text": "Mediazona’s data show 1,950 verdicts for desertion in the first nine months of the year.",
        "claims": [{"figure": "1,950", "claimant": "Mediazona", "via": []}],
    },
    {
        "id": "attr-data-from",
        "published": "2024-04-30",
        "text": "Data from Eurostat show that Russians lodged 9,000 first-time asylum applications in "
        "the EU last year.",
        "claims": [{"figure": "9,000", "claimant": "Eurostat", "via": []}],
    },
    # --- attribution: "citing X", "X, citing Y", a speaker citing a body's data, a longer chain
    {
        "id": "attr-citing",
        "published": "2024-12-03",
        "text": "Ukrainska Pravda reported, citing sources in the General Staff, that 18,000 soldiers "
        "had left their units in a month.",
        "claims": [
            {"figure": "18,000", "claimant": "sources in the General Staff", "via": ["Ukrainska Pravda"]}
        ],
    },
    {
        "id": "attr-x-citing-y",
        "published": "2024-09-02",
        "text": "RIA Novosti, citing Russia’s Defence Ministry, reported that 1,500 Ukrainian "
        "servicemen surrendered in the Kursk region in August.",
        "claims": [{"figure": "1,500", "claimant": "Russia’s Defence Ministry", "via": ["RIA Novosti"]}],
    },
    {
        "id": "attr-speaker-citing-body",
        "published": "2025-06-01",
        "text": "Maria Zakharova, citing data from Ukraine’s State Bureau of Investigation, said 40,000 "
        "cases of unauthorised absence had been opened since January.",
        "claims": [
            {
                "figure": "40,000",
                "claimant": "Ukraine’s State Bureau of Investigation",
                "via": ["Maria Zakharova"],
                "metric": "criminal_case",
            }
        ],
    },
    {
        "id": "attr-chain-of-two",
        "published": "2024-12-03",
        "text": "The Kyiv Independent, citing Ukrainska Pravda, which cited sources in the General "
        "Staff, reported that 4,000 soldiers had left a single brigade.",
        "claims": [
            {
                "figure": "4,000",
                "claimant": "sources in the General Staff",
                "via": ["Ukrainska Pravda", "The Kyiv Independent"],
            }
        ],
    },
    # --- attribution: "shared with X"
    {
        "id": "attr-shared-with",
        "published": "2024-08-15",
        "text": "A report by Russia’s Federal Security Service, shared with Izvestia, says 2,300 "
        "Ukrainian servicemen have switched sides.",
        "claims": [{"figure": "2,300", "claimant": "Russia’s Federal Security Service", "via": ["Izvestia"]}],
    },
    # --- attribution: "reported by X", "in a report by X", "X documented"
    {
        "id": "attr-reported-by",
        "published": "2025-01-22",
        "text": "According to figures reported by Verstka, 4,100 soldiers were convicted in 2024.",
        "claims": [{"figure": "4,100", "claimant": "Verstka", "via": []}],
    },
    {
        "id": "attr-in-a-report-by",
        "published": "2024-03-05",
        "text": "In a report by Human Rights Watch, at least 120 deserters were found to have been "
        "detained in the occupied territories.",
        "claims": [{"figure": "at least 120", "claimant": "Human Rights Watch", "via": []}],
    },
    {
        "id": "attr-documented",
        "published": "2024-09-22",
        "text": "Mediazona has documented 12,000 verdicts in AWOL cases since the mobilisation.",
        "claims": [{"figure": "12,000", "claimant": "Mediazona", "via": [], "metric": "conviction"}],
    },
    # --- attribution: a pronoun continues the speaker named before
    {
        "id": "attr-pronoun-he",
        "published": "2024-03-09",
        "text": "Ivan Chuviliaev of the Get Lost group spoke to reporters in Tbilisi on Friday. He said "
        "650 soldiers had asked the group for help in February.",
        "claims": [{"figure": "650", "claimant": "Ivan Chuviliaev", "via": []}],
    },
    {
        "id": "attr-pronoun-she-estimates",
        "published": "2024-09-30",
        "text": "Olga Romanova, who heads the Russia Behind Bars foundation, has followed the "
        "desertion trials closely. She estimates that 20,000 men have been convicted.",
        "claims": [{"figure": "20,000", "claimant": "Olga Romanova", "via": [], "hedged": False}],
    },
    # --- attribution: "the source" continues the body named before
    {
        "id": "attr-the-source",
        "published": "2025-02-14",
        "text": "A report by Russian security services, shared with RIA Novosti, described the scale "
        "of the problem. According to the source, 100,000 Ukrainian soldiers left their units in "
        "2024.",
        "claims": [{"figure": "100,000", "claimant": "Russian security services", "via": ["RIA Novosti"]}],
    },
    # --- attribution: nobody named -> "the article"; the actor of the event is not the claimant
    {
        "id": "attr-the-article",
        "published": "2024-02-20",
        "text": "More than 600 Russian soldiers crossed into Kazakhstan after deserting last year.",
        "claims": [{"figure": "More than 600", "claimant": "the article", "via": []}],
    },
    {
        "id": "attr-actor-not-claimant",
        "published": "2024-06-12",
        "text": "Ukrainian border guards detained 120 soldiers trying to cross into Moldova in May.",
        "claims": [{"figure": "120", "claimant": "the article", "via": []}],
    },
    # --- attribution: titles before names are dropped
    {
        "id": "attr-title-president",
        "published": "2024-02-25",
        "text": "President Volodymyr Zelensky said 31,000 Ukrainian soldiers had been killed since the "
        "invasion.",
        "claims": [{"figure": "31,000", "claimant": "Volodymyr Zelensky", "side": "ukraine"}],
    },
    {
        "id": "attr-title-prosecutor",
        "published": "2024-11-01",
        "text": "Prosecutor General Andriy Kostin said his office had registered 20,000 new cases of "
        "desertion since June.",
        "claims": [{"figure": "20,000", "claimant": "Andriy Kostin", "metric": "criminal_case"}],
    },
    # --- attribution: a group speaking in the present tense
    {
        "id": "attr-group-says",
        "published": "2024-02-24",
        "text": "Get Lost says it has helped 1,500 soldiers desert since the war began.",
        "claims": [{"figure": "1,500", "claimant": "Get Lost", "via": []}],
    },
    # --- attribution: typographic quotes and apostrophes, and straight ones
    {
        "id": "attr-typographic-quote",
        "published": "2024-05-03",
        "text": "“We have received more than 7,000 requests since January,” said Grigory Sverdlin, who "
        "runs the group.",
        "claims": [{"figure": "more than 7,000", "claimant": "Grigory Sverdlin", "via": []}],
    },
    {
        "id": "attr-typographic-apostrophe",
        "published": "2025-06-05",
        "text": "According to Ukraine’s Prosecutor General’s Office, 11,000 cases of desertion were "
        "opened in May.",
        "claims": [{"figure": "11,000", "claimant": "Ukraine’s Prosecutor General’s Office", "via": []}],
    },
    {
        "id": "attr-straight-apostrophe",
        "published": "2025-06-05",
        "text": "According to Ukraine's State Bureau of Investigation, 8,000 cases of unauthorised "
        "absence were opened in May.",
        "claims": [{"figure": "8,000", "claimant": "Ukraine's State Bureau of Investigation", "via": []}],
    },
    {
        "id": "attr-quote-speaker-after",
        "published": "2024-08-01",
        "text": "“More than 2,000 of our men have gone AWOL,” said Serhiy, a battalion commander who "
        "gave only his first name.",
        "claims": [{"figure": "More than 2,000", "claimant": "Serhiy", "metric": "desertion"}],
    },
    # --- attribution: two claimants in one sentence, each with its own figure and side
    {
        "id": "attr-two-claimants",
        "published": "2024-08-25",
        "text": "Russia’s Defence Ministry said 300 Ukrainian soldiers had surrendered, while Kyiv said "
        "45 Russian soldiers had given themselves up.",
        "claims": [
            {"figure": "300", "claimant": "Russia’s Defence Ministry", "side": "ukraine"},
            {"figure": "45", "claimant": "Kyiv", "side": "russia"},
        ],
    },
    # --- hedges: "if accurate", "if true"
    {
        "id": "hedge-if-accurate",
        "published": "2025-09-13",
        "text": "Russian security forces put the number of Ukrainian soldiers who have left their "
        "units at 400,000, a figure that, if accurate, would cripple the army.",
        "claims": [{"figure": "400,000", "hedged": True, "claimant": "Russian security forces"}],
    },
    {
        "id": "hedge-if-true",
        "published": "2024-10-10",
        "text": "The ministry says 3,500 soldiers have defected, which, if true, would be the largest "
        "defection of the war.",
        "claims": [{"figure": "3,500", "hedged": True, "metric": "defection"}],
    },
    # --- hedges: "are said to", "reportedly", "allegedly", "claimed"
    {
        "id": "hedge-are-said-to",
        "published": "2024-08-30",
        "text": "Some 3,000 soldiers of the brigade are said to have surrendered.",
        "claims": [{"figure": "Some 3,000", "hedged": True}],
    },
    {
        "id": "hedge-reportedly",
        "published": "2024-08-30",
        "text": "Around 300 troops reportedly refused to return to the front after their leave.",
        "claims": [{"figure": "Around 300", "hedged": True}],
    },
    {
        "id": "hedge-allegedly",
        "published": "2024-08-30",
        "text": "Forty soldiers allegedly deserted from the unit after their commander was killed.",
        "claims": [{"figure": "Forty", "hedged": True, "metric": "desertion"}],
    },
    {
        "id": "hedge-claimed",
        "published": "2024-09-01",
        "text": "Russia’s Defence Ministry claimed that 1,500 Ukrainian servicemen had surrendered in "
        "August.",
        "claims": [{"figure": "1,500", "hedged": True, "claimant": "Russia’s Defence Ministry"}],
    },
    {
        "id": "hedge-allegedly-with-according-to",
        "published": "2024-05-19",
        "text": "According to TASS, 50 Ukrainian soldiers allegedly surrendered near Vovchansk.",
        "claims": [{"figure": "50", "hedged": True, "claimant": "TASS"}],
    },
    # --- hedges: "unverified", "unconfirmed", "could not be verified" (same or next sentence)
    {
        "id": "hedge-unverified",
        "published": "2024-10-15",
        "text": "The figures, which remain unverified, show 25,000 soldiers leaving their posts in "
        "September.",
        "claims": [{"figure": "25,000", "hedged": True}],
    },
    {
        "id": "hedge-unconfirmed-reports",
        "published": "2024-10-15",
        "text": "Unconfirmed reports say 200 soldiers surrendered in the encircled village.",
        "claims": [{"figure": "200", "hedged": True}],
    },
    {
        "id": "hedge-could-not-be-verified-same",
        "published": "2024-10-01",
        "text": "The ministry said 900 Ukrainian soldiers had surrendered, a figure that could not be "
        "independently verified.",
        "claims": [{"figure": "900", "hedged": True}],
    },
    {
        "id": "hedge-could-not-be-verified-next",
        "published": "2024-10-01",
        "text": "The ministry said 900 Ukrainian soldiers had surrendered near Pokrovsk. Reuters could "
        "not independently verify the figure.",
        "claims": [{"figure": "900", "hedged": True}],
    },
    # --- hedges: "according to various estimates", "it is believed"
    {
        "id": "hedge-various-estimates",
        "published": "2025-03-03",
        "text": "According to various estimates, between 100,000 and 200,000 Ukrainian servicemen "
        "have deserted since 2022.",
        "claims": [{"figure": "between 100,000 and 200,000", "hedged": True, "bound": "range"}],
    },
    {
        "id": "hedge-it-is-believed",
        "published": "2024-07-07",
        "text": "It is believed that about 500 soldiers of the brigade went AWOL before it reached the "
        "front.",
        "claims": [{"figure": "about 500", "hedged": True}],
    },
    # --- hedges: one hedge covers every figure of its statement, and only that statement
    {
        "id": "hedge-covers-statement",
        "published": "2024-06-10",
        "text": "More than 20,000 soldiers are said to have left their units in May, bringing the "
        "total since January above 100,000.",
        "claims": [
            {"figure": "More than 20,000", "hedged": True},
            {"figure": "above 100,000", "hedged": True, "bound": "over", "low": 100000},
        ],
    },
    {
        "id": "hedge-not-next-sentence",
        "published": "2024-08-01",
        "text": "Some 40,000 soldiers reportedly went AWOL in the spring. Only 6,000 of them came back "
        "by July.",
        "claims": [
            {"figure": "Some 40,000", "hedged": True},
            {"figure": "6,000", "hedged": False},
        ],
    },
    {
        "id": "hedge-one-clause-of-two",
        "published": "2024-06-15",
        "text": "Ukraine opened 7,000 desertion cases in May, while Russia reportedly opened about 1,000.",
        "claims": [
            {"figure": "7,000", "hedged": False},
            {"figure": "about 1,000", "hedged": True},
        ],
    },
    {
        "id": "hedge-unverified-other-statement",
        "published": "2024-07-03",
        "text": "Moscow’s claims about Ukrainian losses remain unverified by independent sources. "
        "Separately, Ukraine’s State Bureau of Investigation said it had opened 5,000 cases of "
        "desertion in June.",
        "claims": [{"figure": "5,000", "hedged": False}],
    },
    # --- not hedged: says, stated, noted, according to, estimated, "claimed ... lives"
    {
        "id": "nohedge-says",
        "published": "2025-01-10",
        "text": "The Get Lost group says 1,800 soldiers asked it for help last year.",
        "claims": [{"figure": "1,800", "hedged": False}],
    },
    {
        "id": "nohedge-stated",
        "published": "2025-01-10",
        "text": "The prosecutor’s office stated that 2,300 cases had been sent to court.",
        "claims": [{"figure": "2,300", "hedged": False, "metric": "criminal_case"}],
    },
    {
        "id": "nohedge-noted",
        "published": "2025-01-10",
        "text": "Mediazona noted that 700 verdicts were handed down in December.",
        "claims": [{"figure": "700", "hedged": False, "metric": "conviction"}],
    },
    {
        "id": "nohedge-according-to",
        "published": "2024-09-10",
        "text": "According to Verstka, 3,400 soldiers were convicted in the first half of the year.",
        "claims": [
            {
                "figure": "3,400",
                "hedged": False,
                "period_start": "2024-01-01",
                "period_end": "2024-06-30",
            }
        ],
    },
    {
        "id": "nohedge-estimated",
        "published": "2024-09-10",
        "text": "The think tank estimated that 60,000 soldiers had deserted.",
        "claims": [{"figure": "60,000", "hedged": False}],
    },
    {
        "id": "nohedge-claimed-lives",
        "published": "2025-02-24",
        "text": "The conflict has claimed over 300,000 lives across both armies.",
        "claims": [{"figure": "over 300,000", "hedged": False, "metric": "casualties", "side": "unknown"}],
    },
    # --- real reporting: headlines
    {
        "id": "real-headline-cases",
        "published": "2025-06-03",
        "text": "Ukraine opens 18,000 desertion cases in a single month",
        "claims": [
            {"figure": "18,000", "metric": "criminal_case", "side": "ukraine", "claimant": "the article"}
        ],
    },
    {
        "id": "real-headline-killed",
        "published": "2024-11-08",
        "text": "Over 100,000 Russian soldiers killed, BBC count finds",
        "claims": [
            {
                "figure": "Over 100,000",
                "metric": "casualties",
                "side": "russia",
                "low": 100000,
                "bound": "over",
            }
        ],
    },
    {
        "id": "real-headline-percent",
        "published": "2025-03-12",
        "text": "Desertion cases up 40% as Kyiv struggles to fill ranks",
        "claims": [{"figure": "40%", "metric": "criminal_case", "kind": "change", "side": "ukraine"}],
    },
    {
        "id": "real-headline-number-word",
        "published": "2023-08-24",
        "text": "Two Russian pilots defect to Ukraine with their helicopter",
        "claims": [{"figure": "Two", "metric": "defection", "side": "russia", "low": 2, "high": 2}],
    },
    # --- real reporting: a photo caption with only furniture, ordinals and dates
    {
        "id": "real-caption",
        "published": "2024-05-15",
        "text": "Photo 3 of 12: Soldiers of the 47th brigade rest near Avdiivka on 14 May 2024.",
        "claims": [],
    },
    # --- real reporting: figures inside quotation marks
    {
        "id": "real-quote-commander",
        "published": "2024-09-20",
        "text": "“About 300 men from my battalion have run away,” the commander told the Financial Times.",
        "claims": [{"figure": "About 300", "metric": "desertion", "bound": "approx"}],
    },
    {
        "id": "real-quote-sergeant",
        "published": "2024-06-01",
        "text": "“Since January, 1,200 guys from our brigade have left,” a sergeant quoted by Hromadske "
        "said.",
        "claims": [{"figure": "1,200", "metric": "desertion"}],
    },
    # --- real reporting: Russian state-media vocabulary
    {
        "id": "real-ru-mod-daily",
        "published": "2024-10-04",
        "text": "Over the past day, the Kiev regime lost up to 1,350 militants, Russia’s Defence "
        "Ministry reported.",
        "claims": [
            {
                "figure": "up to 1,350",
                "metric": "casualties",
                "side": "ukraine",
                "bound": "under",
                "period_start": "2024-10-03",
                "period_end": "2024-10-04",
                "claimant": "Russia’s Defence Ministry",
            }
        ],
    },
    {
        "id": "real-ru-laid-down-arms",
        "published": "2024-09-03",
        "text": "Another 48 servicemen of the Armed Forces of Ukraine laid down their arms and "
        "surrendered, the ministry added.",
        "claims": [{"figure": "48", "metric": "surrender", "side": "ukraine"}],
    },
    {
        "id": "real-ru-special-military-operation",
        "published": "2024-06-01",
        "text": "Since the start of the special military operation, more than 10,000 Ukrainian "
        "servicemen have surrendered, TASS reported.",
        "claims": [
            {
                "figure": "more than 10,000",
                "metric": "surrender",
                "side": "ukraine",
                "period_start": "2022-02-24",
                "period_end": "2024-06-01",
                "claimant": "TASS",
            }
        ],
    },
    {
        "id": "real-ru-ukrainian-formations",
        "published": "2024-08-28",
        "text": "Ukrainian formations lost over 200 servicemen in the Kursk region over the past day, "
        "the Russian Defence Ministry said.",
        "claims": [{"figure": "over 200", "metric": "casualties", "side": "ukraine"}],
    },
    {
        "id": "real-ru-crossed-over",
        "published": "2024-02-27",
        "text": "Forty servicemen of the AFU voluntarily crossed over to the side of Russia and joined "
        "the ‘Bohdan Khmelnytsky’ battalion, the ministry said.",
        "claims": [{"figure": "Forty", "metric": "defection", "side": "ukraine"}],
    },
    {
        "id": "real-ru-source-told-tass",
        "published": "2025-04-04",
        "text": "A law-enforcement source told TASS that 4,000 Ukrainian servicemen had deserted from "
        "units in the Kharkiv region.",
        "claims": [{"figure": "4,000", "via": ["TASS"], "metric": "desertion", "side": "ukraine"}],
    },
    # --- real reporting: Ukrainian vocabulary
    {
        "id": "real-ua-invaders-lowercase",
        "published": "2024-12-01",
        "text": "Ukrainian defenders eliminated 1,200 russian invaders over the past 24 hours.",
        "claims": [{"figure": "1,200", "metric": "casualties", "side": "russia"}],
    },
    {
        "id": "real-ua-lowercase-russia-total",
        "published": "2024-12-01",
        "text": "Since the start of the full-scale invasion, russia has lost 640,000 soldiers, the "
        "General Staff said.",
        "claims": [
            {
                "figure": "640,000",
                "metric": "casualties",
                "side": "russia",
                "period_start": "2022-02-24",
                "period_end": "2024-12-01",
            }
        ],
    },
    {
        "id": "real-ua-szch",
        "published": "2025-06-10",
        "text": "Ukraine registered 25,000 SZCh cases — unauthorised leaving of a unit — in May.",
        "claims": [
            {
                "figure": "25,000",
                "metric": "criminal_case",
                "period_start": "2025-05-01",
                "period_end": "2025-05-31",
            }
        ],
    },
    {
        "id": "real-ua-i-want-to-live",
        "published": "2024-09-17",
        "text": "The “I Want to Live” project said it had received 32,000 applications from Russian "
        "servicemen since it was launched.",
        "claims": [{"figure": "32,000", "metric": "assistance_request", "side": "russia"}],
    },
    # --- real reporting: wire dateline, page furniture, no-break spaces, emoji
    {
        "id": "real-wire-dateline",
        "published": "2024-11-21",
        "text": "KYIV, Nov 21 (Reuters) - Ukraine has opened more than 100,000 criminal cases for "
        "desertion and absence without leave since the start of the full-scale invasion, "
        "prosecutors said.",
        "claims": [
            {
                "figure": "more than 100,000",
                "metric": "criminal_case",
                "period_start": "2022-02-24",
                "period_end": "2024-11-21",
            }
        ],
    },
    {
        "id": "real-updated-furniture",
        "published": "2024-05-28",
        "text": "Updated 14:05\n\nMore than 700 Russian soldiers have been convicted of desertion this "
        "month, court records show.",
        "claims": [
            {
                "figure": "More than 700",
                "metric": "conviction",
                "period_start": "2024-05-01",
                "period_end": "2024-05-28",
            }
        ],
    },
    {
        "id": "real-nbsp-separator",
        "published": "2025-03-01",
        "text": "Since January, 45\u00a0000 soldiers have left their units, the MP said.",
        "claims": [{"figure": "45\u00a0000", "low": 45000, "high": 45000, "metric": "desertion"}],
    },
    {
        "id": "real-telegram-emoji",
        "published": "2024-11-02",
        "text": "⚡️ In the Pokrovsk direction, 12 servicemen of the 155th brigade surrendered, the "
        "Russian MoD reports.",
        "claims": [{"figure": "12", "metric": "surrender"}],
    },
    # --- real reporting: in-scope and out-of-scope figures side by side
    {
        "id": "real-pay-and-returns",
        "published": "2025-04-15",
        "text": "Soldiers who return within the grace period keep their pay of up to 120,000 hryvnias "
        "a month, and 9,000 have done so since January.",
        "claims": [{"figure": "9,000", "metric": "amnesty_return"}],
    },
    {
        "id": "real-bbc-mediazona-names",
        "published": "2025-02-21",
        "text": "BBC Russian and Mediazona have confirmed the names of 95,000 Russian soldiers killed "
        "in the war.",
        "claims": [{"figure": "95,000", "metric": "casualties", "side": "russia"}],
    },
    {
        "id": "real-us-asylum-fiscal",
        "published": "2024-02-12",
        "text": "In fiscal year 2023, 2,900 Russians won asylum in the United States, government data show.",
        "claims": [
            {
                "figure": "2,900",
                "metric": "asylum_granted",
                "side": "russia",
                "period_start": "2022-10-01",
                "period_end": "2023-09-30",
            }
        ],
    },
    # --- headlines: written in title case, shorter than the body that repeats their figure
    {
        "id": "headline-title-case-verb-and-body-period",
        "published": "2025-05-02",
        "text": "Moscow Says Kyiv Lost Over 12,000 Soldiers Near Pokrovsk\n\nRussia's defence ministry "
        "said that Ukrainian forces had lost over 12,000 soldiers near Pokrovsk since January.",
        "claims": [
            {"figure": "Over 12,000", "metric": "casualties", "side": "ukraine", "period_start": JAN_2025},
            {"figure": "over 12,000", "metric": "casualties", "side": "ukraine", "period_start": JAN_2025},
        ],
    },
    {
        "id": "headline-since-start-of-operation",
        "published": "2024-09-10",
        "text": "Nearly 700 Foreign Fighters Killed Since Start of Special Operation\n\nThe figure was "
        "given by the Russian defence ministry on Tuesday.",
        "claims": [{"figure": "Nearly 700", "metric": "casualties", "period_start": "2022-02-24"}],
    },
    # --- a rate phrase belongs to the figure next to it, not to an earlier figure of the clause
    {
        "id": "rate-belongs-to-the-nearer-figure",
        "published": "2025-05-05",
        "text": "In April alone, 1,800 soldiers left their units without leave, about 60 a day, the "
        "prosecutor said.",
        "claims": [
            {"figure": "1,800", "kind": "count", "per": None, "period_start": "2025-04-01"},
            {"figure": "about 60", "kind": "rate", "per": "day"},
        ],
    },
    # --- claimants: how a source is named
    {
        "id": "claimant-the-office-of-a-title",
        "published": "2025-02-10",
        "text": "Investigators opened 61,000 cases over desertion last year, according to figures from "
        "the Office of the Prosecutor General.",
        "claims": [{"figure": "61,000", "claimant": "Office of the Prosecutor General"}],
    },
    {
        "id": "claimant-acronym-then-description",
        "published": "2025-02-10",
        "text": "The SBU security service said 45 Russian soldiers had defected to Ukraine since January.",
        "claims": [{"figure": "45", "claimant": "SBU"}],
    },
    {
        "id": "claimant-dotted-acronym-that-is-a-name",
        "published": "2025-02-10",
        "text": "More than 6 million Ukrainians have fled abroad, according to the U.N. refugee agency.",
        "claims": [{"figure": "More than 6 million", "claimant": "U.N. refugee agency"}],
    },
    {
        "id": "claimant-two-sources-one-described",
        "published": "2025-02-10",
        "text": "Verstka and the independent outlet Mediazona have counted 11,000 cases of unauthorised "
        "absence this year.",
        "claims": [{"figure": "11,000", "claimant": "Verstka and Mediazona"}],
    },
    {
        "id": "claimant-estimates-by-put-at",
        "published": "2025-02-10",
        "text": "Estimates by Western officials put Russia's losses — killed and wounded — at more than "
        "700,000.",
        "claims": [{"figure": "more than 700,000", "claimant": "Western officials", "side": "russia"}],
    },
    # --- a part of the figure before it has that figure's side
    {
        "id": "side-subset-takes-the-whole",
        "published": "2025-02-10",
        "text": "North Korea has lost about 3,000 soldiers killed or wounded, including some 300 dead, "
        "since its troops joined Russia's war, Seoul's intelligence service said.",
        "claims": [
            {"figure": "about 3,000", "side": "other"},
            {"figure": "some 300", "side": "other"},
        ],
    },
    # --- a start after the cut-off is not the figure's: the period never runs backwards
    {
        "id": "period-start-after-publication-dropped",
        "published": "2025-01-10",
        "text": "Since February 2025, 300 soldiers have deserted from the brigade, its commander said.",
        "claims": [{"figure": "300", "period_start": None, "period_end": "2025-01-10"}],
    },
    # --- metric: a cue written around its figure, articles of a code, refuge
    {
        "id": "metric-verdicts-in-awol-cases",
        "published": "2025-06-30",
        "text": "Military judges handed down 2 300 verdicts in AWOL cases in May, court records show.",
        "claims": [{"figure": "2 300", "metric": "conviction"}],
    },
    {
        "id": "metric-protection-was-granted-in-cases",
        "published": "2025-06-30",
        "text": "The migration office said protection was granted in 90 cases involving Russian men in "
        "the first quarter.",
        "claims": [{"figure": "90", "metric": "asylum_granted"}],
    },
    {
        "id": "metric-recognised-as-refugees",
        "published": "2025-06-30",
        "text": "Spain's asylum office has recognised 40 Russian deserters as refugees since 2022.",
        "claims": [{"figure": "40", "metric": "asylum_granted", "side": "russia"}],
    },
    {
        "id": "metric-seek-refuge-is-displacement",
        "published": "2025-06-30",
        "text": "The war has forced about 2 million people from the region to seek refuge abroad, the UN "
        "refugee agency said.",
        "claims": [{"figure": "about 2 million", "metric": "displacement"}],
    },
    {
        "id": "metric-under-an-article-of-the-code",
        "published": "2025-09-15",
        "text": "Investigators registered 98,000 proceedings under Article 407 and 3,100 under Article 408 "
        "between January and August.",
        "claims": [
            {"figure": "98,000", "metric": "criminal_case"},
            {"figure": "3,100", "metric": "criminal_case"},
        ],
    },
    # --- "the 12,000 it recorded": a pronoun after the figure is no unknown thing counted
    {
        "id": "metric-figure-then-pronoun-and-verb",
        "published": "2024-01-15",
        "text": "The border service apprehended 30,500 Russians in fiscal 2023, well above the 12,000 it "
        "apprehended the year before.",
        "claims": [
            {"figure": "30,500", "metric": "border_encounter", "period_start": "2022-10-01"},
            {"figure": "12,000", "metric": "border_encounter", "period_start": "2021-10-01"},
        ],
    },
    {
        "id": "metric-switched-to-a-sides-side",
        "published": "2024-05-02",
        "text": "Kyiv says 25 Russian soldiers switched to Ukraine's side in the first quarter.",
        "claims": [{"figure": "25", "metric": "defection", "side": "russia"}],
    },
    # --- "according to agency data": the agency the sentence opens with
    {
        "id": "claimant-agency-data-of-the-subject",
        "published": "2024-01-15",
        "text": "Canada Border Services Agency encountered 4,200 Russian citizens at its land crossings in "
        "2023, according to agency data.",
        "claims": [{"figure": "4,200", "claimant": "Canada Border Services Agency"}],
    },
    # --- period: the figure's own perfect verb and its "since" outrank a nearer date
    {
        "id": "period-own-since-over-nearer-date",
        "published": "2024-06-01",
        "text": "The sergeant who surrendered near Avdiivka in May is one of at least 90 soldiers who "
        "have surrendered to the brigade since October 2023, the brigade said.",
        "claims": [{"figure": "at least 90", "period_start": "2023-10-01", "period_end": "2024-06-01"}],
    },
    # --- sources of collected records; compounds of nouns
    {
        "id": "claimant-records-collected-by-a-project",
        "published": "2024-08-14",
        "text": 'Court records collected by the project "Get Lost" point to some 2,500 desertion verdicts '
        "in the first half of 2024.",
        "claims": [
            {
                "figure": "some 2,500",
                "metric": "conviction",
                "claimant": "Get Lost",
                "via": [],
                "period_start": "2024-01-01",
                "period_end": "2024-06-30",
            }
        ],
    },
    {
        "id": "claimant-data-compiled-by-then-verb",
        "published": "2024-08-14",
        "text": "Data compiled by Mediazona point to 1,900 AWOL convictions in the spring.",
        "claims": [{"figure": "1,900", "metric": "conviction", "claimant": "Mediazona", "via": []}],
    },
    {
        "id": "rate-range-with-or",
        "published": "2024-08-14",
        "text": "Two or three soldiers desert from the battalion every week, its commander said.",
        "claims": [
            {"figure": "Two or three", "low": 2, "high": 3, "bound": "range", "kind": "rate", "per": "week"}
        ],
    },
    # --- appositives around a speaker; a month that dates the statement
    {
        "id": "claimant-name-then-title-appositive",
        "published": "2025-10-03",
        "text": "Sergei Naryshkin, head of Russia's foreign intelligence service, claimed in August that "
        "up to 400,000 Ukrainian servicemen had deserted.",
        "claims": [
            {
                "figure": "up to 400,000",
                "claimant": "Sergei Naryshkin",
                "metric": "desertion",
                "side": "ukraine",
                "period_start": None,
                "period_end": "2025-08-31",
            }
        ],
    },
    {
        "id": "claimant-description-then-name-appositive",
        "published": "2025-10-03",
        "text": "Earlier figures came from prosecutors. A member of parliament's defence committee, Oleksiy "
        "Honcharenko, said that at least 200,000 soldiers had deserted.",
        "claims": [{"figure": "at least 200,000", "claimant": "Oleksiy Honcharenko"}],
    },
    {
        "id": "period-statement-month-is-no-period",
        "published": "2025-10-03",
        "text": "The ministry said in September that 5,000 soldiers had deserted in July.",
        "claims": [{"figure": "5,000", "period_start": "2025-07-01", "period_end": "2025-07-31"}],
    },
    # --- a noun left out, a figure that continues the statistics before it
    {
        "id": "metric-elided-noun-after-preposition",
        "published": "2025-10-03",
        "text": "Between January and August, prosecutors opened 110,000 cases for unauthorised absence and "
        "about 14,000 for desertion, compared with 89,000 and 17,000 respectively in the whole of 2024.",
        "claims": [
            {"figure": "110,000", "metric": "criminal_case"},
            {"figure": "about 14,000", "metric": "criminal_case"},
            {"figure": "89,000", "metric": "criminal_case", "period_start": "2024-01-01"},
            {"figure": "17,000", "metric": "criminal_case", "period_start": "2024-01-01"},
        ],
    },
    {
        "id": "metric-only-one-received-it",
        "published": "2024-05-03",
        "text": "Last year 22 Russian soldiers applied for asylum in Norway and only one received it, the "
        "immigration directorate said.",
        "claims": [
            {"figure": "22", "metric": "asylum_application"},
            {"figure": "one", "metric": "asylum_granted"},
        ],
    },
    # --- "over the weekend": the last Saturday and Sunday before the statement
    {
        "id": "period-over-the-weekend-before-the-statement",
        "published": "2024-12-19",
        "text": "The agency said on Monday that at least 30 soldiers had been killed or wounded in fighting "
        "over the weekend alone.",
        "claims": [{"figure": "at least 30", "period_start": "2024-12-14", "period_end": "2024-12-15"}],
    },
    # --- a change against a baseline speaks of the period before it; garrison courts are Russia's
    {
        "id": "period-change-against-a-baseline-month",
        "published": "2025-06-10",
        "text": "In May, garrison courts received 1,450 AWOL cases, Mediazona counted. That is 20% more than "
        "in April.",
        "claims": [
            {"figure": "1,450", "side": "russia", "period_start": "2025-05-01"},
            {
                "figure": "20%",
                "kind": "change",
                "side": "russia",
                "period_start": "2025-05-01",
                "period_end": "2025-05-31",
            },
        ],
    },
    {
        "id": "period-in-the-whole-of-a-year",
        "published": "2025-06-10",
        "text": "Prosecutors opened 89,000 AWOL cases in the whole of 2024.",
        "claims": [{"figure": "89,000", "period_start": "2024-01-01", "period_end": "2024-12-31"}],
    },
    # --- a state body counts its own soldiers' cases, verdicts and returns
    {
        "id": "side-of-a-state-source-for-its-own-cases",
        "published": "2025-06-10",
        "text": "Investigators registered 89,000 cases of unauthorised absence in 2024, according to the "
        "Prosecutor General's Office.",
        "claims": [{"figure": "89,000", "metric": "criminal_case", "side": "ukraine"}],
    },
    {
        "id": "side-named-in-the-text-wins-over-the-source",
        "published": "2025-06-10",
        "text": "Ukraine's Prosecutor General's Office said it had opened 300 cases against Russian "
        "soldiers who deserted and crossed into Ukraine.",
        "claims": [{"figure": "300", "side": "russia"}],
    },
    {
        "id": "side-of-a-state-source-not-for-tolls",
        "published": "2025-06-10",
        "text": "The war has claimed more than 100,000 lives, the Prosecutor General's Office said.",
        "claims": [{"figure": "more than 100,000", "side": "unknown"}],
    },
    # --- a sentence pointing back gives its source to the one before
    {
        "id": "claimant-from-a-back-reference",
        "published": "2025-09-02",
        "text": "Investigators registered 151,000 AWOL cases in the first eight months of 2025. That is "
        "according to data from the Prosecutor General's Office.",
        "claims": [{"figure": "151,000", "claimant": "Prosecutor General's Office"}],
    },
    {
        "id": "claimant-no-back-reference-without-a-source",
        "published": "2025-09-02",
        "text": "Investigators registered 151,000 AWOL cases in the first eight months of 2025. That is "
        "the highest figure yet.",
        "claims": [{"figure": "151,000", "claimant": "the article"}],
    },
    # --- a source before a colon; a label is none
    {
        "id": "claimant-source-before-a-colon",
        "published": "2025-09-02",
        "text": "SBU: 45 Russian soldiers have defected since January\n\nThe figure was given at a briefing "
        "in Kyiv.",
        "claims": [{"figure": "45", "claimant": "SBU", "metric": "defection"}],
    },
    {
        "id": "claimant-label-before-a-colon-is-no-source",
        "published": "2025-06-05",
        "text": "Details: In May alone, 2,700 men were detained at the border while trying to leave.",
        "claims": [{"figure": "2,700", "claimant": "the article"}],
    },
    # --- an acronym is written out as the article writes the name it stands for
    {
        "id": "claimant-acronym-spelled-out-elsewhere",
        "published": "2025-04-30",
        "text": "NK troops suffer 2,000 casualties in Russia's war: NIS\n\nThe National Intelligence Service "
        "briefed lawmakers on Wednesday.",
        "claims": [{"figure": "2,000", "claimant": "National Intelligence Service", "side": "other"}],
    },
    # --- modal doubt hedges; "prosecutions for desertion" are criminal cases
    {
        "id": "hedged-by-may-have",
        "published": "2025-03-21",
        "text": "As many as 40,000 Russian soldiers may have deserted since the invasion began, a rights "
        "group estimates.",
        "claims": [{"figure": "As many as 40,000", "hedged": True, "metric": "desertion"}],
    },
    {
        "id": "not-hedged-by-the-month-of-may",
        "published": "2025-06-10",
        "text": "In May, 3,000 soldiers deserted from the eastern brigades, the ministry said.",
        "claims": [{"figure": "3,000", "hedged": False, "period_start": "2025-05-01"}],
    },
    {
        "id": "metric-prosecutions-for-desertion",
        "published": "2025-03-21",
        "text": "Prosecutions for outright desertion remained rare last year, at fewer than 100, court "
        "statistics show.",
        "claims": [{"figure": "fewer than 100", "metric": "criminal_case"}],
    },
    # --- live blogs: a time stamp and a dash before the speaker; a source in closing brackets
    {
        "id": "claimant-after-a-time-stamp-and-dash",
        "published": "2025-11-03",
        "text": "09:50 GMT — Russia's Defence Ministry says Ukraine lost up to 1,400 servicemen in the "
        "past day.",
        "claims": [
            {"figure": "up to 1,400", "claimant": "Russia's Defence Ministry", "side": "ukraine"},
        ],
    },
    {
        "id": "claimant-in-closing-brackets",
        "published": "2025-11-03",
        "text": "Key figures so far this year:\n- 162,000 criminal proceedings for unauthorised absence "
        "(January–October, Prosecutor General's Office)",
        "claims": [
            {"figure": "162,000", "claimant": "Prosecutor General's Office", "metric": "criminal_case"}
        ],
    },
    {
        "id": "claimant-brackets-without-a-source",
        "published": "2025-11-03",
        "text": "Prosecutors opened 162,000 cases for unauthorised absence (January to October).",
        "claims": [{"figure": "162,000", "claimant": "the article"}],
    },
    # --- a country named in a period phrase says nothing of whose people are counted
    {
        "id": "side-not-from-a-period-phrase",
        "published": "2025-01-28",
        "text": "Ukraine is struggling with desertion: more than 100,000 AWOL cases have been registered "
        "since Russia's full-scale invasion, prosecutors say.",
        "claims": [{"figure": "more than 100,000", "side": "ukraine", "period_start": "2022-02-24"}],
    },
    # --- "made up 64%": a share, not a change ("up" belongs to the verb)
    {
        "id": "kind-made-up-is-a-share",
        "published": "2025-03-01",
        "text": "Mobilised men made up 64% of those convicted of going AWOL in 2024, Mediazona found.",
        "claims": [{"figure": "64%", "kind": "share"}],
    },
    {
        "id": "kind-up-is-a-change",
        "published": "2025-03-01",
        "text": "AWOL cases were up 20% on the year before, Mediazona found.",
        "claims": [{"figure": "20%", "kind": "change"}],
    },
    # --- "the country's asylum office, Ofpra, told": the name after the description spoke
    {
        "id": "claimant-description-then-one-word-name",
        "published": "2024-06-18",
        "text": "France has granted refugee status to fewer than 50 Russian deserters since the invasion, "
        "the country's asylum office, Ofpra, told reporters.",
        "claims": [{"figure": "fewer than 50", "claimant": "Ofpra", "metric": "asylum_granted"}],
    },
    {
        "id": "claimant-name-description-other-name",
        "published": "2024-06-18",
        "text": "Go by the Forest, a Russian group known by its Russian name, Idite Lesom, says it has "
        "helped more than 1,600 servicemen leave the army.",
        "claims": [{"figure": "more than 1,600", "claimant": "Go by the Forest"}],
    },
    # --- a comparative after a fraction or percentage makes it a change
    {
        "id": "kind-a-quarter-more-than",
        "published": "2024-06-18",
        "text": "Russians lodged about 17,000 asylum applications in the EU last year, roughly a quarter "
        "more than in 2022, Eurostat said.",
        "claims": [
            {"figure": "about 17,000", "kind": "count"},
            {"figure": "roughly a quarter", "kind": "change", "period_start": "2023-01-01"},
        ],
    },
    {
        "id": "kind-more-than-a-percentage-is-a-bound",
        "published": "2024-06-18",
        "text": "More than 20% of the asylum applicants were men of military age, Eurostat said.",
        "claims": [{"figure": "More than 20%", "kind": "share", "low": 20, "high": None}],
    },
    # --- the offence's name in each country's criminal code says whose soldiers
    {
        "id": "side-from-the-code-article",
        "published": "2025-05-14",
        "text": "Courts registered 4,100 cases under Article 337 in April, court records show.",
        "claims": [{"figure": "4,100", "side": "russia", "metric": "criminal_case"}],
    },
    {
        "id": "side-from-the-offence-abbreviation",
        "published": "2025-05-14",
        "text": "Investigators opened 17,000 SZCh proceedings in April, the prosecutor's office said.",
        "claims": [{"figure": "17,000", "side": "ukraine"}],
    },
    # --- the edges of a named year; a quarter or half with no year
    {
        "id": "period-since-the-start-of-a-year",
        "published": "2025-10-01",
        "text": "Since the start of 2025, 40,000 soldiers have deserted, officials said.",
        "claims": [{"figure": "40,000", "period_start": "2025-01-01", "period_end": "2025-10-01"}],
    },
    {
        "id": "period-by-the-end-of-a-year",
        "published": "2025-10-01",
        "text": "By the end of 2024, 100,000 soldiers had deserted, officials said.",
        "claims": [{"figure": "100,000", "period_start": None, "period_end": "2024-12-31"}],
    },
    {
        "id": "period-quarter-without-a-year",
        "published": "2025-10-01",
        "text": "In the first quarter, 9,000 soldiers deserted, officials said.",
        "claims": [{"figure": "9,000", "period_start": "2025-01-01", "period_end": "2025-03-31"}],
    },
    {
        "id": "period-quarter-not-yet-begun-is-last-years",
        "published": "2025-03-01",
        "text": "In the fourth quarter, 9,000 soldiers deserted, officials said.",
        "claims": [{"figure": "9,000", "period_start": "2024-10-01", "period_end": "2024-12-31"}],
    },
]
