import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { VisitListener } from '@backstage/plugin-home';
import { appTranslationRef } from '../../translation';
import { sectionOfPath } from './visitSections';

/**
 * Records visits for the home page's Recently visited card, naming a section's own page (/tickets,
 * /kb) in the reader's language instead of by its path; entity pages keep the entity's name.
 */
export function CourtVisitListener() {
  const { t } = useTranslationRef(appTranslationRef);
  return (
    <VisitListener
      visitName={({ pathname }) => {
        const entity = /^\/catalog\/[^/]+\/[^/]+\/([^/]+)/.exec(pathname);
        if (entity) return entity[1];
        const section = sectionOfPath(pathname);
        return section === 'other' ? document.title : t(`visits.${section}`);
      }}
    />
  );
}


