import { Controller } from '@nestjs/common';
import { CodeListPublishedV1Contract, type CodeListPublishedV1, type EventEnvelope } from '@scrt/contracts';
import { ConsumeEvent } from '@scrt/messaging';
import { CodeListCopy } from './code-list-copy.js';

/** Keeps the service's copy of the code lists up to date from the published versions. */
@Controller()
export class CodeListCopyEvents {
  constructor(private readonly copy: CodeListCopy) {}

  @ConsumeEvent(CodeListPublishedV1Contract)
  async onCodeListPublished(event: EventEnvelope<CodeListPublishedV1>): Promise<void> {
    await this.copy.apply(event);
  }
}
