import type { Industry } from '../store/workspace-types';
import { SeasonalClock } from './calendar';
import { beautyShop } from './shop-beauty';
import { lightingShop } from './shop-lighting';
import { runningShop } from './shop-running';
import type { ShopModel } from './types';

const MODELS: Record<Industry, ShopModel> = { beauty: beautyShop, running: runningShop, lighting: lightingShop };
const clocks = new Map<Industry, SeasonalClock>();

export function shopModel(industry: Industry): ShopModel {
  if (!Object.hasOwn(MODELS, industry))
    throw new Error(`There is no demo for "${industry}"; choose one of ${Object.keys(MODELS).join(', ')}.`);
  return MODELS[industry];
}

/** The shop's seasonal clock, built once per shop. */
export function seasonalClock(model: ShopModel): SeasonalClock {
  let clock = clocks.get(model.industry);
  if (!clock) {
    clock = new SeasonalClock((day) => model.seasonWeight(day));
    clocks.set(model.industry, clock);
  }
  return clock;
}
