import { TemplateExample } from '@backstage/plugin-scaffolder-node';

/** Shown on the Create page's actions list (/create/actions). */
export const examples: TemplateExample[] = [
  {
    description:
      '申请修改核心交换机的关键参数 File a change request that edits a key parameter of a core switch',
    example: `steps:
  - id: file-change
    name: 提交变更申请
    action: courtops:change:create
    input:
      title: 核心交换机 1 号 VRRP 优先级调整
      description: 将 VRRP 优先级由 120 调整为 150
      reason: 主备切换演练后恢复主用地位
      entityRefs: [resource:default/core-switch-01]
      risk:
        trialImpact: none
        rollback: easy
        testedInSimulation: true
      rollbackPlan: 将 VRRP 优先级改回 120，确认主备状态
      window:
        start: 2026-12-05T12:00:00.000Z
        end: 2026-12-05T14:00:00.000Z
      parameterEdits:
        - device: resource:default/core-switch-01
          parameter: vrrp-priority
          newValue: '150'
output:
  links:
    - title: 查看变更
      url: \${{ steps['file-change'].output.url }}
`,
  },
  {
    description:
      '登记已实施的紧急变更，事后报批 Register an emergency change that was done first, for approval afterwards',
    example: `steps:
  - id: register-emergency
    action: courtops:change:create
    input:
      title: 紧急调整第九法庭录像机存储策略
      reason: 庭审中录像存储将满，须立即处理
      entityRefs: [resource:default/trial-recorder-t09]
      risk:
        trialImpact: interrupts
        rollback: moderate
        testedInSimulation: false
      rollbackPlan: 恢复原存储策略
      window:
        start: 2026-12-01T02:10:00.000Z
        end: 2026-12-01T02:40:00.000Z
      emergency: true
      outcome: succeeded
`,
  },
  {
    description:
      '软件升级发布（需求分析、试运行意见、模拟环境测试）A software release with requirement analysis, trial feedback and a simulation test (CHG-5)',
    example: `steps:
  - id: release
    action: courtops:change:create
    input:
      title: 审判管理系统升级至 5.2
      reason: 落实新版文书样式
      entityRefs: [system:default/office-automation]
      risk:
        trialImpact: possible
        rollback: moderate
        testedInSimulation: true
      rollbackPlan: 回滚至 5.1 并恢复升级前数据库备份
      window:
        start: 2026-12-06T10:00:00.000Z
        end: 2026-12-06T14:00:00.000Z
      release:
        software: 审判管理系统
        fromVersion: '5.1'
        toVersion: '5.2'
        requirementAnalysis: 见需求分析报告 2026-11
        trialFeedback: 刑一庭试运行两周，文书导出问题已整改
        simulationTest: 模拟环境全流程测试通过
`,
  },
];
