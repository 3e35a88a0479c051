import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../../analysis/api/contract.ts';
import { useApi } from '../../app/api-context.tsx';
import { pick } from '../../i18n/index.ts';
import { formatPercent } from '../../lib/format.ts';

interface JobProgressProps {
  jobId: string;
  label: string;
  /** Called once when the job leaves 'running'. */
  onFinished(status: JobStatus): void;
}

/** A progress bar and a cancel button for one long job, fed by job.progress events. */
export function JobProgress({ jobId, label, onFinished }: JobProgressProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [progress, setProgress] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    let done = false;
    const finish = (status: JobStatus) => {
      if (done) return;
      done = true;
      onFinished(status);
    };
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'job.progress' && event.data.jobId === jobId) {
        setProgress(event.data.progress);
        if (event.data.message) setMessage(pick(event.data.message, i18n.language));
      }
      if (event.type === 'job.finished' && event.data.jobId === jobId) finish(event.data.status);
    });
    // Events may be missed (a job faster than the event stream): poll the status as well.
    const timer = setInterval(() => {
      void api.call('jobs.result', { jobId }).then((r) => {
        setProgress(r.progress);
        if (r.status !== 'running') finish(r.status);
      });
    }, 500);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [api, jobId, onFinished, i18n.language]);

  return (
    <div className="job-progress" data-testid="job-progress">
      <div className="job-label">
        {label}
        {message ? ` — ${message}` : ''}
      </div>
      <div className="progress-row">
        <progress max={1} value={progress > 0 ? progress : undefined} />
        <span className="progress-value">{progress > 0 ? formatPercent(progress, i18n.language) : ''}</span>
        <button
          type="button"
          className="small"
          data-testid="job-cancel"
          disabled={cancelling}
          onClick={() => {
            setCancelling(true);
            void api.call('jobs.cancel', { jobId });
          }}
        >
          {cancelling ? t('jobs.cancelling') : t('jobs.cancel')}
        </button>
      </div>
    </div>
  );
}
