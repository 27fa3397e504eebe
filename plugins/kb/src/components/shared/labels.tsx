import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  ArticleKind,
  ArticleVisibility,
} from '@internal/plugin-kb-common';
import Chip from '@material-ui/core/Chip';
import LockIcon from '@material-ui/icons/Lock';
import { kbTranslationRef } from '../../translation';

/** Colours a reader learns: known errors stand out for the desk, runbooks for engineers. */
const KIND_COLORS: Record<ArticleKind, 'primary' | 'secondary' | 'default'> = {
  'known-error': 'secondary',
  runbook: 'primary',
  'how-to': 'default',
  faq: 'default',
};

export function KindChip(props: { kind: ArticleKind }) {
  const { t } = useTranslationRef(kbTranslationRef);
  return (
    <Chip
      size="small"
      color={KIND_COLORS[props.kind]}
      label={t(`kind.${props.kind}`)}
      data-kind={props.kind}
    />
  );
}

/** Shown only on internal articles: what court staff will not see. */
export function VisibilityChip(props: { visibility: ArticleVisibility }) {
  const { t } = useTranslationRef(kbTranslationRef);
  if (props.visibility === 'public') return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={<LockIcon fontSize="small" />}
      label={t('visibility.internal')}
      data-testid="visibility-internal"
    />
  );
}

/** A user or group in the catalog, or the knowledge base itself for file syncs. */
export function ActorLink(props: { actor: string }) {
  const { t } = useTranslationRef(kbTranslationRef);
  if (props.actor.startsWith('plugin:')) return <>{t('actor.portal')}</>;
  return <EntityRefLink entityRef={props.actor} hideIcon />;
}
