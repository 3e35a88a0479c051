import type { ComponentType, LazyExoticComponent } from 'react';

/** One page of the left navigation: a folder renderer/pages/<id>/ exporting this from index.ts. */
export interface PageDefinition {
  id: string;
  /** i18n key of its navigation label. */
  titleKey: string;
  /** A short glyph for the navigation. */
  icon: string;
  /** Lazily loaded so a page's charts and code load when first opened. */
  component: LazyExoticComponent<ComponentType>;
  /** Hidden until a project is open. */
  needsProject: boolean;
}
