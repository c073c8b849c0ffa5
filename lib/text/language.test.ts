import { describe, expect, it } from "vitest";
import { detectLanguage, languageName, suggestionsAvailable } from "./language";

describe("detectLanguage", () => {
  it("names common languages with their BCP 47 tag", () => {
    expect(detectLanguage("The council said its budget grew by twelve per cent, the largest rise since 2010.")).toBe("en");
    expect(detectLanguage("הממשלה הודיעה היום כי תקציב הביטחון יגדל בשנה הבאה בשנים עשר אחוזים לפחות.")).toBe("he");
    expect(detectLanguage("أعلنت الحكومة اليوم أن ميزانية الدفاع ستزداد في العام المقبل بنسبة اثني عشر في المئة.")).toBe("ar");
    expect(detectLanguage("Le gouvernement a annoncé aujourd'hui que le budget de la défense augmentera l'an prochain.")).toBe("fr");
  });

  it("says nothing about text too short to tell", () => {
    expect(detectLanguage("Budget up 12%")).toBeNull();
  });
});

describe("language names and suggestions", () => {
  it("names a tag in English and says where suggestions work", () => {
    expect(languageName("he")).toBe("Hebrew");
    expect(suggestionsAvailable("en")).toBe(true);
    expect(suggestionsAvailable(null)).toBe(true);
    expect(suggestionsAvailable("ar")).toBe(false);
  });
});
