// The review sections of the console (issue 5): remarks, opinions (list and editor), the register,
// resolutions. ConsoleApp mounts this for the keys of REVIEW_NAV.
import { OpinionsPage } from './OpinionsPage';
import { RegisterPage } from './RegisterPage';
import { RemarksPage } from './RemarksPage';
import { ResolutionsPage } from './ResolutionsPage';
import type { ReviewSectionKey } from './nav';

export function ReviewSection({ section, route }: { section: ReviewSectionKey; route: string[] }) {
  switch (section) {
    case 'remarks':
      return <RemarksPage route={route} />;
    case 'opinions':
      return <OpinionsPage route={route} />;
    case 'register':
      return <RegisterPage />;
    case 'resolutions':
      return <ResolutionsPage route={route} />;
  }
}
