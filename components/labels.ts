import { i18n } from '#i18n';
import type { Category, FactKind } from '../core/story/schema';

/** "Country": what one entity is, on its card. */
export function categoryLabel(category: Category): string {
  return i18n.t(`category.one.${category}`);
}

/** "Countries": a group of entities, in the popup. */
export function categoryGroupLabel(category: Category): string {
  return i18n.t(`category.many.${category}`);
}

/** A denial is shown beside the accusation it answers, under one title. */
export function factGroupTitle(kind: Exclude<FactKind, 'denial'> | 'statementByOthers'): string {
  return i18n.t(`card.kind.${kind}`);
}
