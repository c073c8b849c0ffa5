import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSampleArticle } from "../../prisma/sample-article";
import { normalizeArticleText } from "../anchoring/normalize";
import { rawText } from "../anchoring/testing";
import { DEFAULT_MIN_SCORE, extractNumericClaim, suggestClaims, type Suggestion } from "./index";
import { assembleSuggestions, claimCandidates } from "./suggest";

/** What the hand-written rules alone suggest (their score, at 0.22): the input the learned scorer blends with. */
function rulesAlone(text: string): Suggestion[] {
  return assembleSuggestions(text, claimCandidates(text), (c) => c.rules, DEFAULT_MIN_SCORE);
}

const { body } = readSampleArticle();
const suggestions = suggestClaims(body);

/** The suggestion covering `phrase` in `text`, if any. */
function covering(list: Suggestion[], text: string, phrase: string): Suggestion | undefined {
  const start = text.indexOf(phrase);
  if (start === -1) throw new Error(`phrase not in text: ${phrase}`);
  return list.find((s) => s.start <= start && s.end >= start + phrase.length);
}

/** The best score given to any part of the sentence containing `phrase` (0 if none). */
function bestScore(text: string, phrase: string): number {
  const start = text.indexOf(phrase);
  const all = suggestClaims(text, { minScore: 0 }).filter((s) => s.start < start + phrase.length && s.end > start);
  return Math.max(0, ...all.map((s) => s.score));
}

describe("suggestClaims on the sample article", () => {
  it("suggests the 2.3 per cent sentence as a statistic and structures it", () => {
    const s = covering(suggestions, body, "The UK currently spends around 2.3 per cent of gross national product on defence");
    expect(s).toMatchObject({
      text: "The UK currently spends around 2.3 per cent of gross national product on defence",
      type: "statistic",
      reason: "Percentage of GNP with a named country",
    });
    expect(s!.score).toBeGreaterThanOrEqual(0.6);
    expect(extractNumericClaim(s!.text)).toMatchObject({
      value: 2.3,
      unit: "percent",
      shareOf: "gross national product",
      subject: "defence spending",
      place: "UK",
      period: "current",
      approximate: true,
    });
  });

  it.each(["2.5 per cent share of the economy", "to 5 per cent", "more than 3 per cent", "at least 3.5 per cent by the 2030s"])(
    "finds the spending figure in %j",
    (phrase) => {
      const s = covering(suggestions, body, phrase);
      expect(s?.type).toBe("statistic");
    },
  );

  it.each([
    "I think we need to stop thinking simply about what the British do",
    "They deserve all the support that we can give them.",
    "This is a once-in-a-generation moment for the collective security of our own continent.",
    "I welcome the PM’s commitment for UK troops",
    "We’re facing a generational challenge when it comes to national security",
    "This does raise the question as to whether the 2.5 per cent commitment to defence spending is enough",
  ])("does not suggest the opinion or question %j", (phrase) => {
    expect(covering(suggestions, body, phrase)).toBeUndefined();
    expect(bestScore(body, phrase)).toBeLessThan(0.3);
  });

  it("returns exact, ordered, non-overlapping offsets with trimmed ends", () => {
    expect(suggestions.length).toBeGreaterThan(3);
    suggestions.forEach((s, i) => {
      expect(body.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).not.toMatch(/^[\s“‘"]|[\s.,;:”’"]$/);
      expect(s.text).not.toContain("\n");
      if (i > 0) expect(s.start).toBeGreaterThanOrEqual(suggestions[i - 1]!.end);
    });
  });

  it("is deterministic", () => {
    expect(suggestClaims(body)).toEqual(suggestions);
  });
});

describe("suggestClaims by type", () => {
  const cases: [string, string, Suggestion["type"]][] = [
    [
      "Unemployment rose to 4.4% in March, up from 4.2% a year earlier.",
      "Unemployment rose to 4.4% in March, up from 4.2% a year earlier",
      "statistic",
    ],
    ["The scheme cost taxpayers £37bn over two years.", "The scheme cost taxpayers £37bn over two years", "statistic"],
    [
      "Almost half of the additional trips were made by passengers aged under 25, the survey found.",
      "Almost half of the additional trips were made by passengers aged under 25, the survey found",
      "statistic",
    ],
    [
      "Scotland now has the highest drug death rate of any country in Europe.",
      "Scotland now has the highest drug death rate of any country in Europe",
      "comparison",
    ],
    [
      "Wages in the care sector are lower than in supermarkets, the report said.",
      "Wages in the care sector are lower than in supermarkets, the report said",
      "comparison",
    ],
    [
      "The trust said the pressure was driven by a sharp rise in flu admissions.",
      "The trust said the pressure was driven by a sharp rise in flu admissions",
      "causal",
    ],
    ["Officials blamed the outage on a software update.", "Officials blamed the outage on a software update", "causal"],
    [
      "Ukraine has not been invited to the talks, President Volodymyr Zelensky said on Monday.",
      "Ukraine has not been invited to the talks, President Volodymyr Zelensky said on Monday",
      "attributed",
    ],
  ];

  it.each(cases)("%j", (text, expected, type) => {
    const [s] = suggestClaims(text);
    expect(s).toMatchObject({ text: expected, type });
    expect(s!.reason.length).toBeGreaterThan(5);
  });

  it("strips a quotation frame to the quoted claim", () => {
    const text = "“Congestion on the A62 has fallen by 12 per cent since the cap came in,” she said.";
    expect(suggestClaims(text).map((s) => s.text)).toEqual(["Congestion on the A62 has fallen by 12 per cent since the cap came in"]);
  });

  it("keeps a figure stated inside a forecast sentence but not the forecast", () => {
    const text = "Sir Keir is unlikely to go further, despite calls from Mr Trump to hike spending to 5 per cent.";
    const [s] = suggestClaims(text);
    expect(s?.text).toBe("despite calls from Mr Trump to hike spending to 5 per cent");
  });

  it.each([
    "I am proud of what we have done, and I want every family to feel the bus is theirs.",
    "The council will publish a new housing strategy in the spring.",
    "We must continue to put Ukraine in the strongest possible position.",
    "It is a disgrace, and the government should be ashamed.",
    "Nobody likes to see rents going up, but landlords are not charities.",
    "If you had a UN peacekeeping force there, they would be neutral.",
  ])("ignores opinion, intention and prediction: %j", (text) => {
    expect(suggestClaims(text)).toEqual([]);
  });

  it("handles empty and blank bodies", () => {
    expect(suggestClaims("")).toEqual([]);
    expect(suggestClaims("   ")).toEqual([]);
  });
});

describe("suggestClaims: reported actions, scheduled events and biographies (#20)", () => {
  const cases: [string, string, Suggestion["type"]][] = [
    [
      "Madrid warned on Friday that it would withdraw its engineers from the dam project in the north.",
      "Madrid warned on Friday that it would withdraw its engineers from the dam project in the north",
      "action",
    ],
    [
      "The transport ministry has suspended the tender for the new ferry terminal.",
      "The transport ministry has suspended the tender for the new ferry terminal",
      "action",
    ],
    [
      "The health secretary is to fly to Oslo on Tuesday for talks with her Norwegian counterpart.",
      "The health secretary is to fly to Oslo on Tuesday for talks with her Norwegian counterpart",
      "event",
    ],
    [
      "Last spring the trade minister led a delegation to Jakarta for discussions with Indonesian exporters.",
      "Last spring the trade minister led a delegation to Jakarta for discussions with Indonesian exporters",
      "event",
    ],
    [
      "The inquiry will hear evidence from the chief constable at Leeds Town Hall on 4 March.",
      "The inquiry will hear evidence from the chief constable at Leeds Town Hall on 4 March",
      "event",
    ],
    [
      "The conductor, who was made an honorary citizen of Vienna by the city council in 2011, retired last month.",
      "The conductor, who was made an honorary citizen of Vienna by the city council in 2011",
      "biography",
    ],
    [
      "Please welcome Amira Solberg, who previously ran the refugee service in Bergen for nine years.",
      "Please welcome Amira Solberg, who previously ran the refugee service in Bergen for nine years",
      "biography",
    ],
  ];

  it.each(cases)("%j", (text, expected, type) => {
    const found = suggestClaims(text);
    expect(found.map((s) => [s.text, s.type])).toContainEqual([expected, type]);
    const s = found.find((x) => x.text === expected)!;
    expect(s.score).toBeGreaterThanOrEqual(0.5);
    expect(s.reason).toMatch(/^(?:Reported action|Scheduled or completed event|Biographical fact) ‘/);
  });

  it("reads any past-tense verb of a named actor as an action, but not one of saying or feeling", () => {
    expect(suggestClaims("The harbour authority dredged the western channel in the spring.")[0]).toMatchObject({ type: "action" });
    expect(suggestClaims("Not everyone is convinced by the scheme.")).toEqual([]);
  });

  it("reads any announced plan with a time and a named place as an event", () => {
    const [s] = suggestClaims("A hearing on the closure will be held at Dunmore Town Hall on 3 June.");
    expect(s).toMatchObject({ type: "event", text: "A hearing on the closure will be held at Dunmore Town Hall on 3 June" });
    expect(suggestClaims("Ministers will have to work harder in Brussels on Monday.")).toEqual([]);
  });

  it("suggests a biographical relative clause apart from the main clause it sits in", () => {
    const text = "Ms Okoro, who was elected to the city council in 2014, said the vote had been a mistake.";
    expect(suggestClaims(text).map((s) => s.text)).toEqual(["Ms Okoro, who was elected to the city council in 2014"]);
  });

  it("needs a named actor for a reported action, and a time for a scheduled event", () => {
    expect(suggestClaims("Shoppers have urged the store to act.")).toEqual([]);
    expect(suggestClaims("The mayor will visit schools to talk about reading.")).toEqual([]);
  });

  it("leaves a transcript's speaker label out of the claim and names the speaker", () => {
    const [s] = suggestClaims("OKONJO: We raised the council tax by 4.9 per cent last April.");
    expect(s).toMatchObject({ text: "We raised the council tax by 4.9 per cent last April", type: "statistic" });
    expect(s!.reason).toContain("attributed to Okonjo");
  });

  it("reads “in May” as a month, not as a modal", () => {
    const [s] = suggestClaims("The regulator closed the last open-pit quarry in May.");
    expect(s).toMatchObject({ type: "action", text: "The regulator closed the last open-pit quarry in May" });
  });
});

describe("suggestClaims leaves out feelings and opinions that sound like records (#20)", () => {
  it.each([
    "“I have never been prouder of this orchestra,” the conductor said.",
    "“I have never seen the harbour so busy,” said the harbourmaster, Tom Rees.",
    "“We have never felt more welcome anywhere,” said one of the visiting players.",
    "“This is the greatest night in the club’s history,” said the captain, Lucy Barr.",
    "“It was the best evening of my career, and I could not be happier,” she said.",
    "Our friendship with Ireland has never been stronger, the ambassador said.",
    "“Honestly, that is the worst decision I have ever seen from a referee,” said the manager.",
    "“I’m so proud of every single volunteer,” said Ms Patel.",
  ])("%j", (text) => {
    expect(suggestClaims(text)).toEqual([]);
  });

  it("still suggests a record that is a fact, not a feeling", () => {
    const [s] = suggestClaims("We have never been relegated from the top division, the chairman said.");
    // The rules rate it 0.891; the combined score (rules blended with the learned scorer) is lower but passes.
    expect(s?.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
    expect(s?.type).toBe("attributed");
  });
});

describe("suggestClaims: general patterns of round 4 (#20)", () => {
  const found: [string, string, Suggestion["type"], RegExp][] = [
    [
      "Residents accused the water company of hiding the scale of the leaks.",
      "Residents accused the water company of hiding the scale of the leaks",
      "attributed",
      /^Reported accusation ‘accused the water company of hiding’/,
    ],
    [
      "The bypass was paid for by the Regional Transport Fund.",
      "The bypass was paid for by the Regional Transport Fund",
      "action",
      /^Reported action ‘was paid/,
    ],
    [
      "Congestion charges have been introduced in Gothenburg.",
      "Congestion charges have been introduced in Gothenburg",
      "action",
      /^Reported action ‘have been introduced’/,
    ],
    [
      "The final inspection report will be published on the council website next Thursday.",
      "The final inspection report will be published on the council website next Thursday",
      "event",
      /^Scheduled or completed event ‘will be published’/,
    ],
    [
      "The governor met the striking nurses on Friday.",
      "The governor met the striking nurses on Friday",
      "event",
      /^Scheduled or completed event ‘met/,
    ],
    [
      "The ferry operator said the new timetable would cut 40 sailings a week.",
      "The ferry operator said the new timetable would cut 40 sailings a week",
      "statistic",
      /^Count/,
    ],
    [
      "WARD: I am pleased to announce that the pool will reopen at Millbrook Leisure Centre on 9 May.",
      "I am pleased to announce that the pool will reopen at Millbrook Leisure Centre on 9 May",
      "event",
      /^Scheduled or completed event/,
    ],
    [
      "HALE: We advertised the contract widely, and the winning tender was the lowest of the four we received.",
      "the winning tender was the lowest of the four we received",
      "comparison",
      /^Superlative ‘the lowest’/,
    ],
  ];

  it.each(found)("suggests %j", (text, expected, type, reason) => {
    const s = suggestClaims(text).find((x) => x.text === expected);
    expect(s).toMatchObject({ type });
    expect(s!.reason).toMatch(reason);
    expect(s!.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
  });

  it.each([
    "“I have never doubted that this festival would come back,” said the organiser, Ben Ross.",
    "“Voters have never been more ready for a change,” said Councillor Ada Finch.",
    "“I have never in thirty years of teaching seen a class so eager,” the head said.",
    "“It is the most remarkable comet I have ever seen,” said the astronomer Jo Kerr.",
    "“I have never been so frightened in my life,” said one passenger.",
    "The caretaker, Gordon Pike, said the children had been terrified.",
    "Other economists urged patience.",
    "Fairport has the best volunteers, the mayor said.",
    "LEWIS: Thank you, Chair.",
    "CHAIR: Item four, from Councillor Moss.",
    "DAVIES: We are not done yet.",
    "Ms Carr said she was not about to give up.",
  ])("does not suggest %j", (text) => {
    expect(suggestClaims(text)).toEqual([]);
  });

  it("uses 0.22 as the operating threshold", () => {
    expect(DEFAULT_MIN_SCORE).toBe(0.22);
  });
});

describe("suggestClaims: round 5 (#20) — acts and plans outside the verb lists", () => {
  // [text, a part the suggestion must cover, type, reason]
  const covered: [string, string, string, RegExp][] = [
    [
      "Dr Amara Kell, who previously ran the city’s transport authority, joined the rail company as finance director in 2020.",
      "joined the rail company as finance director in 2020",
      "biography",
      /^Biographical fact/,
    ],
    [
      "The trust has since closed the maternity ward at the Eastgate site, and it has written to every expectant mother on its list.",
      "it has written to every expectant mother on its list",
      "action",
      /^Reported action/,
    ],
    [
      "The mayor announced on Monday that the city would buy new buses, and that drivers would be trained from March.",
      "that drivers would be trained from March",
      "action",
      /^Reported action ‘announced’/,
    ],
    [
      "I have asked the harbour master for a written account by 3 March.",
      "I have asked the harbour master",
      "action",
      /^Reported action ‘asked’/,
    ],
    [
      "HALE: We advertised the contract in March, and the winning tender was the lowest of the four we received.",
      "We advertised the contract in March",
      "action",
      /^Reported action ‘advertised’/,
    ],
    ["We’ll visit the families at Marsh Lane in the morning.", "We’ll visit the families", "event", /^Scheduled or completed event/],
    [
      "The health minister is opening the new ward tomorrow.",
      "is opening the new ward tomorrow",
      "event",
      /^Scheduled or completed event ‘opening’/,
    ],
    [
      "A ruling from the Kelby District planning committee is expected on 4 February.",
      "is expected on 4 February",
      "event",
      /^Scheduled or completed event ‘is expected on’/,
    ],
    [
      "An independent auditor will inspect the accounts at the trust every year.",
      "will inspect the accounts",
      "event",
      /^Scheduled or completed event ‘will inspect’/,
    ],
    [
      "The library was opened with a brass band in 1904 by the industrialist Arthur Pell.",
      "was opened with a brass band",
      "action",
      /^Reported action ‘was opened … by’/,
    ],
    ["The outbreak was traced to a restaurant in Dunmore.", "was traced to a restaurant", "causal", /^Causal claim ‘traced to’/],
    [
      "Most of the remaining pools have cut their opening hours.",
      "have cut their opening hours",
      "comparison",
      /^Change over time ‘have cut’/,
    ],
    [
      "Mr Tran, who was elected to the assembly in 2019, says the budget has not been published.",
      "says the budget has not been published",
      "attributed",
      /^Factual statement attributed to Mr Tran/,
    ],
    [
      "The regulator has told me that the plant had not been inspected by anyone from the county.",
      "had not been inspected",
      "attributed",
      /^Factual statement/,
    ],
  ];

  it.each(covered)("suggests %j", (text, part, type, reason) => {
    const s = suggestClaims(text).find((x) => x.text.includes(part));
    expect(s).toMatchObject({ type });
    expect(s!.reason).toMatch(reason);
    expect(s!.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
  });

  it.each([
    // a time of day is not a date: an anecdote, not a meeting on the record
    "I’ve met farmers who start work at four in the morning.",
    // a claim of resolve, not a record
    "This government has never been more determined to keep bills down.",
    // a first-person view, whatever time word follows
    "“I just didn’t think it mattered any more,” said one father.",
  ])("does not suggest %j", (text) => {
    expect(suggestClaims(text)).toEqual([]);
  });

  it("does not take a reported intention after a biographical clause as a claim", () => {
    const text = "Ms Vale, who founded the charity in 2003, said the group would keep campaigning.";
    expect(suggestClaims(text).map((s) => s.text)).toEqual(["Ms Vale, who founded the charity in 2003"]);
  });
});

describe("suggestClaims: round 6 (#20) — intentions, untimed events, appositions, causes and reports without a cue", () => {
  // [text, a part the suggestion must cover, type, reason]
  const covered: [string, string, string, RegExp][] = [
    // a reported intention of a named actor, with and without a reporting verb
    ["The ministry said it would publish the review.", "it would publish the review", "action", /^Reported action ‘said it would publish’/],
    ["The ports authority plans to dredge the channel.", "plans to dredge the channel", "action", /^Reported action ‘plans to dredge’/],
    ["Kestrel Water is expected to raise bills again.", "is expected to raise bills", "action", /^Reported action ‘is expected to raise’/],
    [
      "The library service said money from the new fees would fund new books for the branches.",
      "would fund new books",
      "action",
      /^Reported action ‘said … would fund’/,
    ],
    // …with a time or a year, an event
    ["The Harrow Museum plans to reopen its west wing in 2029.", "plans to reopen its west wing", "event", /^Scheduled or completed event/],
    [
      "The minister said talks with the hauliers would resume in Dover on Friday.",
      "would resume in Dover on Friday",
      "event",
      /^Scheduled or completed event/,
    ],
    // an event without a time, and a gathering at a named place on a day
    [
      "A public inquiry into the collapse will be held in Leeds.",
      "will be held in Leeds",
      "event",
      /^Scheduled or completed event ‘will be held’/,
    ],
    ["The hearing will take place at the county court.", "will take place", "event", /^Scheduled or completed event ‘will take place’/],
    [
      "Tenants can raise their concerns at an open meeting at Fernley Library on 9 March.",
      "meeting at Fernley Library on 9 March",
      "event",
      /^Scheduled or completed event ‘meeting’/,
    ],
    // a biography in apposition
    [
      "Amir Patel, a former harbour master at Dunmore, said the quay was unsafe.",
      "a former harbour master at Dunmore",
      "biography",
      /^Biographical fact ‘a former harbour master/,
    ],
    // causes without a cue word: a causative verb, a sequence of two past events
    ["Heavy rain in March washed away the footbridge.", "washed away the footbridge", "causal", /^Causal claim ‘washed away’/],
    ["When the mill closed, the town lost its bus route.", "the town lost its bus route", "causal", /^Causal claim ‘When … closed’/],
    // the act of someone named in an earlier sentence, told with a pronoun
    ["She resigned from the board in 2019.", "resigned from the board", "action", /^Reported action ‘resigned’/],
    ["They refused to sign the agreement.", "refused to sign", "action", /^Reported action ‘refused’/],
    // a reported past event, and a report's finding
    [
      "Harbour staff said a second crane had failed during the storm.",
      "a second crane had failed",
      "attributed",
      /^Factual statement attributed to a source \(reported past event ‘had failed’\)/,
    ],
    // a past event with a date, or a completed passive at a named place, whoever did it
    ["The old pier was demolished on Friday.", "The old pier was demolished on Friday", "event", /^Dated past event ‘was demolished’/],
    ["The bakery went into administration in 2022.", "went into administration", "event", /^Dated past event ‘went’/],
    ["The mural was restored at Harlow Museum.", "was restored at Harlow Museum", "event", /^Dated past event ‘was restored’/],
    // an outcome on the record without its agent, and an action under way
    ["Both men pleaded guilty.", "Both men pleaded guilty", "action", /^Reported action ‘pleaded guilty’/],
    ["The appeal was rejected.", "The appeal was rejected", "action", /^Reported action ‘was rejected’/],
    [
      "The council is consulting on the closure of the depot.",
      "is consulting on the closure",
      "action",
      /^Reported action ‘is consulting’/,
    ],
    // a place in a series
    [
      "The strike is the third in a series of walkouts at the port.",
      "the third in a series of walkouts",
      "comparison",
      /^Superlative ‘the third in a series of’/,
    ],
    // a named source's plain statement about a thing, with no cue word at all
    [
      "Police said the driver was not wearing a seatbelt.",
      "the driver was not wearing a seatbelt",
      "attributed",
      /^Factual statement attributed to Police/,
    ],
    [
      "The audit warned that the pension fund could run short of cash.",
      "the pension fund could run short",
      "attributed",
      /^Finding of a report ‘audit warned’/,
    ],
  ];

  it.each(covered)("suggests %j", (text, part, type, reason) => {
    const s = suggestClaims(text).find((x) => x.text.includes(part));
    expect(s).toMatchObject({ type });
    expect(s!.reason).toMatch(reason);
    expect(s!.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
  });

  it.each([
    // intentions too vague to check, or without anyone named
    "Mr Hale said he would keep fighting for the village.",
    "She said it would be a disaster for the high street.",
    "The council will continue to listen to residents.",
    "We plan to keep talking.",
    "The club said it would never forget what he gave it.",
    // a reported hope is not a plan
    "The charity said it hoped to find new volunteers.",
    // feelings and opinions stay out, whatever “never”, “ever” or superlative they carry
    "“We will never give up on this town,” she said.",
    "“I have never been so proud of anyone,” the coach said.",
    "The mayor said it had been the best night the town had ever seen.",
    // a pronoun's anecdote, and a past act with nothing a record could confirm
    "They asked me to wait outside.",
    "She smiled and waved.",
    // an outcome in the speaker's own life, and an activity under way of no one named
    "My first novel was rejected by every publisher.",
    "Some people are still investigating their options.",
    // a series of judgements, not of events
    "This is the latest in a long line of broken promises.",
    // the speaker's own past, and feelings or looks on a day, are not dated events
    "I was born in Dunmore in 1971.",
    "She looked tired on Monday.",
    "Fans were thrilled on Saturday.",
    // a generality
    "“Nobody enjoys closing a library,” said the leader.",
    // a plain statement from an unnamed group, about the speakers themselves, or with a scare quote
    "Critics say the plan is rushed.",
    "Mr Webb said he was not going anywhere.",
    "The union said members were “at the end of their rope”.",
    // first person inside a quotation
    "“We hear from worried families every week,” said a volunteer.",
  ])("does not suggest %j", (text) => {
    expect(suggestClaims(text)).toEqual([]);
  });

  it("cuts a biography in apposition from the rest of its sentence, and leaves out the speaker's own state after it", () => {
    const text = "Ms Lucas, a former nurse at St Anne’s, says she never wanted to run a business.";
    expect(suggestClaims(text).map((s) => s.text)).toEqual(["Ms Lucas, a former nurse at St Anne’s"]);
    const fact = "Tom Reyes, a retired engineer from Dunmore, said the bridge had not been inspected since 2015.";
    expect(suggestClaims(fact).map((s) => s.text)).toEqual([fact.slice(0, -1)]);
  });

  it("does not read a speaker's own past as a reported event", () => {
    expect(bestScore("Ms Lowe said she had loved every minute of it.", "loved every minute")).toBeLessThan(DEFAULT_MIN_SCORE);
  });
});

describe("suggestClaims: round 7 (#20) — events without a clock time, outcomes, the speaker's own acts and plans, mechanisms", () => {
  // [text, a part the suggestion must cover, type, reason]
  const covered: [string, string, string, RegExp][] = [
    // a plan with a season, the turn of the year, a spelled-out date or a weekday's possessive as its time
    [
      "Bookings for the summer courses will open in the spring, the college said.",
      "will open in the spring",
      "event",
      /^Scheduled or completed event ‘will open’/,
    ],
    ["I’m going to Pellham on the third of March.", "going to Pellham", "event", /^Scheduled or completed event ‘I’m going to Pellham’/],
    [
      "Dr Amara Lee is expected to make a statement after Thursday’s board meeting.",
      "is expected to make a statement",
      "event",
      /^Scheduled or completed event ‘is expected to make’/,
    ],
    [
      "The ambassador is due back in Trevane on Monday.",
      "is due back in Trevane",
      "event",
      /^Scheduled or completed event ‘is due back in’/,
    ],
    // a gathering someone will hold, and a coming event with a named participant, without a time
    [
      "We’ll be hosting a consultation at the library for anyone affected.",
      "hosting a consultation",
      "event",
      /^Scheduled or completed event ‘’ll be hosting a consultation’/,
    ],
    [
      "The delegation will be joined by the trade minister, Ana Brook.",
      "will be joined by the trade minister",
      "event",
      /^Scheduled or completed event ‘will be joined by/,
    ],
    // a fixture at a named place on a day
    [
      "Their next fixture is likely to be the league game at Ormley on 4 February.",
      "at Ormley on 4 February",
      "event",
      /^Scheduled or completed event ‘game’/,
    ],
    // outcomes of votes and honours, whoever brought them about
    ["The motion was defeated by four votes.", "The motion was defeated", "statistic", /^Count of votes/],
    ["In the end the bypass scheme was abandoned.", "the bypass scheme was abandoned", "action", /^Reported action ‘was abandoned’/],
    [
      "Last season Grace Obi was named young player of the year.",
      "was named young player of the year",
      "action",
      /^Reported action ‘was named’/,
    ],
    // talks and work under way of a named actor
    [
      "Lakeside Rail said it was in talks with the county about a later train.",
      "was in talks with the county",
      "action",
      /^Reported action ‘was in talks with’/,
    ],
    [
      "Marlow Water has begun lining its oldest mains with plastic.",
      "has begun lining its oldest mains",
      "action",
      /^Reported action ‘has begun lining’/,
    ],
    // a group as an actor
    [
      "The residents’ group had proposed moving the market to Sundays.",
      "proposed moving the market",
      "action",
      /^Reported action ‘proposed’/,
    ],
    // the speaker's organisation acting on the record, and a dated act after a leading time phrase
    [
      "And we’ve commissioned a structural survey of every footbridge.",
      "commissioned a structural survey",
      "action",
      /^Reported action ‘commissioned’/,
    ],
    ["This week, we opened a new depot in Kelby.", "opened a new depot", "action", /^Reported action ‘opened’/],
    // a past act dated by a range of years
    ["Ireland tried a sugar levy between 1998 and 2003.", "tried a sugar levy", "event", /^Dated past event ‘tried’/],
    // a completed passive dated relative to the story
    ["Most of the tenants were later rehoused.", "were later rehoused", "event", /^Dated past event ‘were later rehoused’/],
    ["The footbridge has since been repaired.", "has since been repaired", "event", /^Dated past event ‘has since been repaired’/],
    // mechanisms in the present
    [
      "Once the ditches are blocked, the moss grows back within a few seasons.",
      "the moss grows back",
      "causal",
      /^Causal claim ‘Once … grows’/,
    ],
    [
      "Salt spray corrodes the cables, which weakens the bridge deck.",
      "which weakens the bridge deck",
      "causal",
      /^Causal claim ‘weakens’/,
    ],
  ];

  it.each(covered)("suggests %j", (text, part, type, reason) => {
    const s = suggestClaims(text).find((x) => x.text.includes(part));
    expect(s).toMatchObject({ type });
    expect(s!.reason).toMatch(reason);
    expect(s!.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
  });

  it.each([
    // "going to" a verb, not a place; and a season as a wish, not a plan
    "I’m going to Keep asking until someone answers.",
    "We're going to miss her.",
    "I love the village in the spring.",
    // a feeling or an opinion with a new time phrase stays out
    "“I was so proud on the twelfth of May,” she said.",
    "Frankly, the whole thing is a mess and everyone knows it by now.",
    // "tried to" is an effort, not an act on the record
    // the speaker's efforts and feelings, not acts of record
    "We have worked incredibly hard this year.",
    "We have put our hearts into this.",
    // a mechanism stated by "I", "we" or "you" is advice or an anecdote
    // the speaker's own later experience is not a dated event
    "I was later told it was fine.",
    "We were subsequently invited back.",
    // a coming event with no one named
    "It will be met by a wall of silence.",
  ])("does not suggest %j", (text) => {
    expect(suggestClaims(text)).toEqual([]);
  });
});

describe("suggestClaims on any normalised body", () => {
  const claimish = fc.constantFrom(
    "The UK spends 2.3 per cent of GDP.",
    "“Rents rose by 5%,” she said.",
    "Mr. Smith said: “Costs fell",
    "£3bn",
    " because ",
    "U.S.",
    "\n\n",
    "?",
    "😀",
    "e\u0301",
    "the highest of any",
    "Ukraine has not been invited, Zelensky said.",
  );
  it("never throws and always returns exact offsets and scores in 0..1", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(rawText, claimish), { maxLength: 12 }), (parts) => {
        const text = normalizeArticleText(parts.join(" "));
        for (const s of suggestClaims(text, { minScore: 0 })) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeLessThan(s.end);
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("suggestClaims: rules the learned scorer overrides (#20, learned scorer)", () => {
  // Single sentences where the blend of rules and learned scorer decides otherwise than the rule written for them.
  // The rule's intent is kept as a test of the rules alone; what the blend does is measured on whole labelled
  // articles by cross-validation (bench/suggestions.ts --cross-validate), not decided sentence by sentence.
  it("the rules suggest an attributed statement without a cue", () => {
    expect(rulesAlone("According to the trust, the ward remains open.")).toMatchObject([
      { text: "According to the trust, the ward remains open", type: "attributed", reason: expect.stringMatching(/^Factual statement/) },
    ]);
  });

  it.each([
    "The review is due to report its findings in the spring.",
    "The club tried to keep him between 2019 and 2021.",
    "When you sign up, the app starts sending you reminders.",
  ])("the rules do not suggest %j", (text) => {
    expect(rulesAlone(text)).toEqual([]);
  });
});
