import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { Confidentiality } from '@internal/plugin-archive-common';
import Chip from '@material-ui/core/Chip';
import LockIcon from '@material-ui/icons/Lock';
import { archiveTranslationRef } from '../translation';

/** Restricted documents stand out: not everyone in the court sees them. */
export function ConfidentialityBadge(props: {
  confidentiality: Confidentiality;
}) {
  const { t } = useTranslationRef(archiveTranslationRef);
  const restricted = props.confidentiality === 'restricted';
  return (
    <Chip
      size="small"
      variant={restricted ? 'default' : 'outlined'}
      color={restricted ? 'secondary' : 'default'}
      icon={restricted ? <LockIcon fontSize="small" /> : undefined}
      label={t(`confidentiality.${props.confidentiality}`)}
      data-confidentiality={props.confidentiality}
    />
  );
}

/** A user in the catalog, or the plugin that filed the document by itself. */
export function ActorLink(props: { actor: string }) {
  if (props.actor.startsWith('plugin:')) return <>{props.actor}</>;
  return <EntityRefLink entityRef={props.actor} hideIcon />;
}
