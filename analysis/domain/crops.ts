// Crop and plant-part codes of the crop-sample table. GB 2762-2022 sets metal limits per food
// category, so the crop (rice, wheat, maize, vegetables …) and the part analysed (grain, root …) matter.

export const CROPS = ['rice', 'wheat', 'maize', 'vegetable', 'soybean', 'tea', 'fruit', 'other'] as const;
export type Crop = (typeof CROPS)[number];

export const CROP_LABELS: Record<Crop, { zh: string; en: string }> = {
  rice: { zh: '水稻', en: 'rice' },
  wheat: { zh: '小麦', en: 'wheat' },
  maize: { zh: '玉米', en: 'maize' },
  vegetable: { zh: '蔬菜', en: 'vegetables' },
  soybean: { zh: '大豆', en: 'soybean' },
  tea: { zh: '茶叶', en: 'tea' },
  fruit: { zh: '水果', en: 'fruit' },
  other: { zh: '其他', en: 'other' },
};

export const PLANT_PARTS = ['grain', 'root', 'stem', 'leaf', 'edible', 'whole'] as const;
export type PlantPart = (typeof PLANT_PARTS)[number];

export const PLANT_PART_LABELS: Record<PlantPart, { zh: string; en: string }> = {
  grain: { zh: '籽粒', en: 'grain' },
  root: { zh: '根', en: 'root' },
  stem: { zh: '茎', en: 'stem' },
  leaf: { zh: '叶', en: 'leaf' },
  edible: { zh: '可食部分', en: 'edible part' },
  whole: { zh: '全株', en: 'whole plant' },
};

const CROP_SYNONYMS: [RegExp, Crop][] = [
  [/水稻|稻|大米|rice|paddy/i, 'rice'],
  [/小麦|麦|wheat/i, 'wheat'],
  [/玉米|maize|corn/i, 'maize'],
  [/大豆|黄豆|soy/i, 'soybean'],
  [/茶|tea/i, 'tea'],
  [/菜|蔬|vegetable|cabbage|lettuce|spinach/i, 'vegetable'],
  [/果|fruit|citrus|橘|柑/i, 'fruit'],
  [/其他|其它|other/i, 'other'],
];

const PART_SYNONYMS: [RegExp, PlantPart][] = [
  [/籽粒|糙米|精米|大米|稻米|谷粒|grain|seed|kernel|brown rice/i, 'grain'],
  [/根|root/i, 'root'],
  [/茎|秸秆|稻草|straw|stem|shoot/i, 'stem'],
  [/叶|leaf|leaves/i, 'leaf'],
  [/可食|edible/i, 'edible'],
  [/全株|整株|whole/i, 'whole'],
];

export function parseCrop(text: string): Crop | undefined {
  const value = text.trim();
  if ((CROPS as readonly string[]).includes(value)) return value as Crop;
  return CROP_SYNONYMS.find(([pattern]) => pattern.test(value))?.[1];
}

export function parsePlantPart(text: string): PlantPart | undefined {
  const value = text.trim();
  if ((PLANT_PARTS as readonly string[]).includes(value)) return value as PlantPart;
  return PART_SYNONYMS.find(([pattern]) => pattern.test(value))?.[1];
}
