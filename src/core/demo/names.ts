// Sample company, platform and officer names: fictional 字号 made of common characters, so no real
// company is named.
import type { Rng } from "./prng";

const FIRST = "华海港云瑞东鑫泰恒创金新盛宏远科润天兴博立德信嘉晟弘达锦旭辰晶诚越隆峰安和通悦川宇航丰源凯翔";
const SECOND = "源丰达辰宇润航晶诚越驰隆美峰安和通悦川远盛泰鑫瑞创科联拓洋烨澜岳鼎铭";

const INDUSTRY: Record<string, string[]> = {
  绿色石化: ["石化科技", "化工科技", "能源化工"],
  生物医药: ["生物医药科技", "医药", "生物科技", "药业"],
  化工新材料: ["新材料科技", "化学材料", "精细化工"],
  高性能纤维及复合材料: ["复合材料", "纤维科技", "碳纤维科技"],
  新能源: ["新能源科技", "光伏科技", "储能科技"],
  钢铁: ["特钢", "金属制品", "合金材料"],
  高端装备: ["机械", "装备制造", "智能装备", "精密机械", "重工"],
  其他: ["食品", "电子科技", "包装材料", "硅材料", "石英制品", "纺织"],
};

const PLACE: Record<string, string> = {
  "320707": "赣榆",
  "320722": "东海",
  "320723": "灌云",
  "320724": "灌南",
};

/** Draws with a 2-character 字号 before the 字号 grows by a character (a name space that ran out). */
const TRIES_PER_LENGTH = 6;

/**
 * A fictional company name not in `taken` (added to it). The 2-character 字号 space holds about 1,400 per
 * place and trade: a province's demo (tens of thousands of firms) used to draw from it until a free name
 * came up, which never happened once it was full (issue 25: `demo --plan` ran for ever). After a few
 * collisions the 字号 grows by a character, then by another; past that a running number makes the name
 * unique, so the loop is bounded whatever the count.
 */
export function companyName(
  r: Rng,
  unitCode: string,
  chain: string,
  taken: Set<string>,
  listed = false,
  /** The plan's place names: the unit's own (most firms) and the wider one. */
  places: readonly [string, string] = ["连云港", "江苏"],
): string {
  const industries = INDUSTRY[chain] ?? INDUSTRY["其他"];
  const suffix = listed ? "股份有限公司" : "有限公司";
  const first = [...FIRST];
  const second = [...SECOND];
  for (let attempt = 0; attempt < 3 * TRIES_PER_LENGTH; attempt++) {
    const place = PLACE[unitCode] && r.chance(0.3) ? PLACE[unitCode] : r.chance(0.85) ? places[0] : places[1];
    const extra = Math.floor(attempt / TRIES_PER_LENGTH);
    let brand = r.pick(first) + r.pick(second);
    for (let k = 0; k < extra; k++) brand += r.pick(second);
    const name = `${place}${brand}${r.pick(industries)}${suffix}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  for (let n = taken.size; ; n++) {
    const name = `${places[0]}${r.pick(first)}${r.pick(second)}${n}${r.pick(industries)}${suffix}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英";

export function personName(r: Rng): string {
  return r.pick([...SURNAMES]) + r.pick([...GIVEN]) + (r.chance(0.6) ? r.pick([...GIVEN]) : "");
}
