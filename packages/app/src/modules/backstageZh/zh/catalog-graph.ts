import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { catalogGraphTranslationRef } from '@backstage/plugin-catalog-graph/alpha';

// Simplified Chinese for @backstage/plugin-catalog-graph: every key (full), so a new key in an upgrade fails the type check.
export default createTranslationMessages({
  ref: catalogGraphTranslationRef,
  full: true,
  messages: {
    'catalogGraphCard.title': '关系',
    'catalogGraphCard.deepLinkTitle': '查看关系图',
    'catalogGraphPage.title': '关系图',
    'catalogGraphPage.filterToggleButtonTitle': '筛选',
    'catalogGraphPage.supportButtonDescription': '将组件加入目录后即可在此查看其关系。',
    'catalogGraphPage.simplifiedSwitchLabel': '简化',
    'catalogGraphPage.mergeRelationsSwitchLabel': '合并关系',
    'catalogGraphPage.zoomOutDescription': '双指缩放可移动图表。点击切换当前节点，按住 Shift 点击可打开该实体。',
    'catalogGraphPage.curveFilter.title': '连线样式',
    'catalogGraphPage.curveFilter.curveMonotoneX': '平滑曲线',
    'catalogGraphPage.curveFilter.curveStepBefore': '阶梯线',
    'catalogGraphPage.directionFilter.title': '方向',
    'catalogGraphPage.directionFilter.leftToRight': '从左到右',
    'catalogGraphPage.directionFilter.rightToLeft': '从右到左',
    'catalogGraphPage.directionFilter.topToBottom': '从上到下',
    'catalogGraphPage.directionFilter.bottomToTop': '从下到上',
    'catalogGraphPage.maxDepthFilter.title': '最大深度',
    'catalogGraphPage.maxDepthFilter.inputPlaceholder': '∞ 不限',
    'catalogGraphPage.maxDepthFilter.clearButtonAriaLabel': '清除最大深度',
    'catalogGraphPage.selectedKindsFilter.title': '类别',
    'catalogGraphPage.selectedRelationsFilter.title': '关系',
  },
});
