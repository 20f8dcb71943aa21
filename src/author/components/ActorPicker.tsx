import { useId, useState, type CSSProperties } from 'react';
import { actorKinds, type Actor, type ActorKind } from '../../data/schema';
import { createActor, setEventActor } from '../draft/actions';
import type { Draft, DraftEvent } from '../draft/model';
import { useAuthorText } from '../i18n/useAuthorText';
import { ErrorNote } from './ErrorNote';
import { ACTOR_PALETTE, contrastEnough, worstContrast, type Theme } from './actorColors';

interface ActorPickerProps {
  draft: Draft;
  event: DraftEvent;
  apply: (action: (draft: Draft) => Draft, tag?: string) => void;
}

const swatch = (actor: Actor) => ({ '--swatch-light': actor.color.light, '--swatch-dark': actor.color.dark }) as CSSProperties;

/** The event's actors as checkboxes, and a small form to create one (kind, state it belongs to, colours checked for contrast). */
export function ActorPicker({ draft, event, apply }: ActorPickerProps) {
  const t = useAuthorText();
  const id = useId();
  const palette = ACTOR_PALETTE[draft.actors.length % ACTOR_PALETTE.length] ?? { light: '#2b5c9e', dark: '#6f9fdc' };
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ActorKind>('person');
  const [memberOf, setMemberOf] = useState('');
  const [colors, setColors] = useState<{ light: string; dark: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const color = colors ?? { light: palette.light, dark: palette.dark };
  const groups = draft.actors.filter((a) => a.kind === 'state' || a.kind === 'alliance');

  const add = () => {
    if (name.trim() === '') return setError(t('actor.needName'));
    if (!contrastEnough(color.light, 'light') || !contrastEnough(color.dark, 'dark')) return setError(t('actor.needContrast'));
    apply((d) => createActor(d, { name, kind, ...(memberOf ? { memberOf } : {}), color }, event.key).draft);
    setName('');
    setMemberOf('');
    setColors(null);
    setError(null);
  };

  const contrastNote = (theme: Theme) => {
    const { ratio, surface } = worstContrast(color[theme], theme);
    const shown = ratio.toFixed(2);
    const themeName = t(theme === 'light' ? 'actor.theme.light' : 'actor.theme.dark');
    return ratio >= 3
      ? t('actor.contrastOk', { ratio: shown, theme: themeName })
      : t('actor.contrastLow', { ratio: shown, theme: themeName, surface, direction: t(theme === 'light' ? 'actor.darker' : 'actor.lighter') });
  };

  return (
    <fieldset className="author-actors">
      <legend>{t('event.actors')}</legend>
      {draft.actors.length === 0 ? <p className="author-help">{t('event.noActors')}</p> : null}
      <ul className="author-actor-list">
        {draft.actors.map((actor) => (
          <li key={actor.id}>
            <label>
              <input type="checkbox" checked={event.actors.includes(actor.id)} onChange={(e) => apply((d) => setEventActor(d, event.key, actor.id, e.target.checked))} />
              <span className="author-swatch" style={swatch(actor)} aria-hidden="true" /> {actor.name}
            </label>
          </li>
        ))}
      </ul>
      <details className="author-create-actor">
        <summary>{t('actor.create')}</summary>
        <div className="author-field-grid">
          <div className="author-field">
            <label htmlFor={`${id}-name`}>{t('actor.name')}</label>
            <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="author-field">
            <label htmlFor={`${id}-kind`}>{t('actor.kind')}</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ActorKind)}>
              {actorKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`actor.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          {kind === 'person' || kind === 'organization' ? (
            <div className="author-field">
              <label htmlFor={`${id}-member`}>{t('actor.memberOf')}</label>
              <select id={`${id}-member`} value={memberOf} onChange={(e) => setMemberOf(e.target.value)}>
                <option value="">{t('actor.memberNone')}</option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {(['light', 'dark'] as const).map((theme) => (
            <div className="author-field" key={theme}>
              <label htmlFor={`${id}-${theme}`}>{t(theme === 'light' ? 'actor.colorLight' : 'actor.colorDark')}</label>
              <input id={`${id}-${theme}`} type="color" value={color[theme]} aria-describedby={`${id}-${theme}-note`} onChange={(e) => setColors({ ...color, [theme]: e.target.value })} />
              <p className={contrastEnough(color[theme], theme) ? 'author-help' : 'author-help author-warning'} id={`${id}-${theme}-note`}>
                {contrastNote(theme)}
              </p>
            </div>
          ))}
        </div>
        <ErrorNote error={error} />
        <button type="button" className="tool-button" onClick={add}>
          {t('actor.add')}
        </button>
      </details>
    </fieldset>
  );
}
