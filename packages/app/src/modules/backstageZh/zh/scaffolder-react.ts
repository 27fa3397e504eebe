import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { scaffolderReactTranslationRef } from '@backstage/plugin-scaffolder-react/alpha';

// Simplified Chinese for @backstage/plugin-scaffolder-react: every key (full), so a new key in an upgrade fails the type check.
export default createTranslationMessages({
  ref: scaffolderReactTranslationRef,
  full: true,
  messages: {
    'passwordWidget.content': '此控件不安全，请改用 [`ui:field: Secret`](https://backstage.io/docs/features/software-templates/writing-templates/#using-secrets)，不要使用 `ui:widget: password`',
    'scaffolderPageContextMenu.moreLabel': '更多',
    'scaffolderPageContextMenu.createLabel': '新建',
    'scaffolderPageContextMenu.editorLabel': '管理模板',
    'scaffolderPageContextMenu.actionsLabel': '已安装的动作',
    'scaffolderPageContextMenu.tasksLabel': '任务列表',
    'scaffolderPageContextMenu.templatingExtensionsLabel': '模板扩展',
    'stepper.backButtonText': '上一步',
    'stepper.createButtonText': '提交',
    'stepper.reviewButtonText': '核对',
    'stepper.stepIndexLabel': '第 {{index, number}} 步',
    'stepper.nextButtonText': '下一步',
    'templateCategoryPicker.title': '分类',
    'templateCard.noDescription': '无说明',
    'templateCard.chooseButtonText': '选择',
    'cardHeader.detailBtnTitle': '查看模板详情',
    'templateOutputs.title': '文本输出',
    'workflow.noDescription': '无说明',
  },
});
