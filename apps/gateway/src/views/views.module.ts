import { Module } from '@nestjs/common';
import { NhsukAssets } from './nhsuk-assets.js';

/** Import into any module that renders pages: the NHS design system assets, served once. */
@Module({ providers: [NhsukAssets] })
export class ViewsModule {}
