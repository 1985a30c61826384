// The words of a plan's place: stated ones win, the rest come from 地区 and the units' kinds.
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import type { Plan, Unit } from "../../src/core/plan/types";
import { bureauLocal, placeWords, unitsWordOf, wordProblem } from "../../src/core/plan/words";
import { YUNNAN_PLAN } from "../../src/core/plans/yunnan-2025-2027";

const units = (...kinds: Unit["kind"][]): Unit[] =>
  kinds.map((kind, i) => ({ code: `U${i}`, name: `单位${i}`, kind }));
const place = (city: string, kinds: Unit["kind"][], words?: Plan["words"]) => ({
  city,
  units: units(...kinds),
  words,
});

test("the built-in plan's words are today's: 全市, 各县区、功能板块, 市局, 市级", () => {
  expect(placeWords(DEFAULT_PLAN)).toEqual({
    issuer: "连云港市促进中小企业发展工作领导小组办公室",
    bureau: "连云港市工业和信息化局",
    bureauShort: "市局",
    whole: "全市",
    level: "市级",
    units: "各县区、功能板块",
    unitsShort: "县区",
  });
  expect(bureauLocal(DEFAULT_PLAN)).toBe("市工业和信息化局");
});

test("a province of 州（市） speaks as a province: 全省, 省级, 省厅, 各州（市）", () => {
  expect(placeWords(YUNNAN_PLAN)).toEqual({
    issuer: "云南省促进中小企业发展工作领导小组办公室",
    bureau: "云南省工业和信息化厅",
    bureauShort: "省厅",
    whole: "全省",
    level: "省级",
    units: "各州（市）",
    unitsShort: "州（市）",
  });
  expect(bureauLocal(YUNNAN_PLAN)).toBe("省工业和信息化厅");
});

test.each<[string, Unit["kind"][], string, string]>([
  ["设区市 only", ["city", "city"], "各设区市", "设区市"],
  ["州（市）", ["prefecture"], "各州（市）", "州（市）"],
  ["区 and 县", ["district", "county"], "各县区", "县区"],
  ["区 only", ["district", "district"], "各区", "区"],
  ["县 only", ["county"], "各县", "县"],
  ["功能区 only", ["zone"], "各功能板块", "功能板块"],
  ["区, 县 and 功能区", ["zone", "county", "district"], "各县区、功能板块", "县区"],
])("units of kinds %s are called %s", (_, kinds, word, short) => {
  expect(unitsWordOf(units(...kinds))).toBe(word);
  expect(placeWords(place("某市", kinds)).unitsShort).toBe(short);
});

test.each<[string, string, string, string]>([
  ["江苏省", "全省", "省级", "省厅"],
  ["洛阳市", "全市", "市级", "市局"],
  ["沭阳县", "全县", "县级", "县局"],
  ["广西壮族自治区", "全区", "区级", "区厅"],
  ["楚雄彝族自治州", "全州", "州级", "州局"],
])("%s: %s, %s, %s", (city, whole, level, short) => {
  const w = placeWords(place(city, ["county"]));
  expect([w.whole, w.level, w.bureauShort]).toEqual([whole, level, short]);
});

test("what the plan states wins; blank stated words fall back", () => {
  const w = placeWords(
    place("洛阳市", ["district", "county"], {
      issuer: "洛阳市工业和信息化局",
      units: "各县（市、区）",
      bureauShort: "市工信局",
      whole: " ",
    }),
  );
  expect(w).toEqual({
    issuer: "洛阳市工业和信息化局",
    bureau: "洛阳市工业和信息化局",
    bureauShort: "市工信局",
    whole: "全市",
    level: "市级",
    units: "各县（市、区）",
    unitsShort: "县（市、区）",
  });
});

test.each<[Parameters<typeof wordProblem>[0], string, string | null]>([
  ["whole", "全省", null],
  ["unitsShort", "州（市）", null],
  ["unitsShort", "县/区", "用于工作表名，不能含 [ ] : * ? / \\"],
  ["level", "省".repeat(26), "用于工作表名，不能超过25个字符"],
  ["issuer", "办".repeat(41), "不能超过40个字符"],
  ["units", "各\t县", "不能含换行或控制字符"],
])("wordProblem(%s, %j)", (key, value, problem) => {
  expect(wordProblem(key, value)).toBe(problem);
});
