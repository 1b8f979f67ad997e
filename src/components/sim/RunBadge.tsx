/** A card's status after a test run, as an icon and words (never colour alone). */
import {
  CircleCheck,
  CircleMinus,
  CircleSlash,
  CircleX,
  OctagonPause,
  CircleDashed,
} from 'lucide-react';
import type { ComponentType } from 'react';
import { runStatusId, useRunStatus } from '../../client/runStatus.ts';
import type { CardRunState } from '../../model/sim/cardStatus.ts';
import './sim.css';

const ICONS: Record<CardRunState, ComponentType<{ size?: number; 'aria-hidden'?: boolean }>> = {
  ran: CircleCheck,
  failed: CircleX,
  stopped: OctagonPause,
  'not simulated': CircleDashed,
  skipped: CircleMinus,
  'not reached': CircleSlash,
};

/** The badge on one card; renders nothing when no run is shown. */
export function RunBadge({ card }: { card: string }) {
  const status = useRunStatus((s) => s.statuses?.get(card));
  if (!status) return null;
  const Icon = ICONS[status.state];
  return (
    <p
      id={runStatusId(card)}
      className={`run-badge run-${status.state.replace(' ', '-')}`}
      title={status.text}
    >
      <Icon size={13} aria-hidden />
      <span>{status.text}</span>
    </p>
  );
}
