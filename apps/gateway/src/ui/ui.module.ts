import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ProxyModule } from '../proxy/proxy.module.js';
import { SessionModule } from '../session/session.module.js';
import { AccountController } from './account/account.controller.js';
import { RoleSwitchService } from './account/role-switch.service.js';
import { CaseApi } from './cases/case-api.js';
import { CasesUiController } from './cases/cases-ui.controller.js';
import { ReferenceLists } from './cases/reference-lists.js';
import { DashboardsUiController } from './dashboards/dashboards-ui.controller.js';
import { ReportApi } from './dashboards/report-api.js';
import { PageAccessGuard } from './foundation/page-access.guard.js';
import { HelpPagesController } from './help/help-pages.controller.js';
import { HomeController } from './home/home.controller.js';
import { CaseReviews } from './reviews/case-reviews.js';
import { MyWorkController } from './reviews/my-work/my-work.controller.js';
import { ReviewApi } from './reviews/review-api.js';
import { ReviewLearningController } from './reviews/review-learning/review-learning.controller.js';
import { ReviewLifecycleController } from './reviews/review-lifecycle/review-lifecycle.controller.js';

/**
 * The admin UI: server-rendered pages on nhsuk-frontend's Nunjucks macros (rendering set up by
 * `configurePages`), calling the services through the proxy's route and internal token.
 */
@Module({
  imports: [AuthModule, SessionModule, ProxyModule],
  controllers: [HomeController, HelpPagesController, AccountController, CasesUiController, ReviewLifecycleController, ReviewLearningController, MyWorkController, DashboardsUiController],
  providers: [PageAccessGuard, RoleSwitchService, CaseApi, ReferenceLists, ReviewApi, CaseReviews, ReportApi],
})
export class UiModule {}
