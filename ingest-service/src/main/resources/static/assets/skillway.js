// Skillway, progressive enhancement only (every page works without it): skill suggestions and live
// notifications. ES2017, loaded with defer (the CSP allows no inline script).
(() => {
  const set = (node, attributes) => {
    Object.keys(attributes).forEach((name) => node.setAttribute(name, attributes[name]));
    return node;
  };
  const el = (tag, attributes, text) => {
    const node = set(document.createElement(tag), attributes);
    if (text) node.textContent = text;
    return node;
  };

  // ARIA 1.2 combobox. A chosen skill's id goes under the field's name (hidden); its label shows.
  const autocomplete = (input) => {
    const name = input.name;
    const listId = `${input.id || 'skill'}-suggestions`;
    const wrapper = el('div', { class: 'skillway-autocomplete' });
    const list = el('ul', { id: listId, role: 'listbox', class: 'skillway-autocomplete__list' });
    const hidden = el('input', { type: 'hidden' });
    let options = [];
    let active = -1;
    let timer = 0;
    let asked = '';
    list.hidden = true;
    input.parentNode.insertBefore(wrapper, input);
    wrapper.append(input, list);
    set(input, { role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId, autocomplete: 'off' });

    const choose = (option) => {
      input.value = option.label;
      hidden.name = name;
      hidden.value = option.id;
      input.removeAttribute('name');
      wrapper.append(hidden);
      close();
    };
    const highlight = (i) => {
      const items = list.children;
      if (items[active]) items[active].setAttribute('aria-selected', 'false');
      active = i;
      items[i].setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', items[i].id);
      items[i].scrollIntoView({ block: 'nearest' });
    };
    const show = (found) => {
      options = found;
      list.textContent = '';
      found.forEach((option, i) => {
        const item = el('li', { id: `${listId}-${i}`, role: 'option', class: 'skillway-autocomplete__option', 'aria-selected': 'false' }, option.label);
        // mousedown comes before blur, which closes the list
        item.addEventListener('mousedown', (event) => { event.preventDefault(); choose(option); });
        list.append(item);
      });
      active = -1;
      input.removeAttribute('aria-activedescendant');
      list.hidden = !found.length;
      input.setAttribute('aria-expanded', String(found.length > 0));
    };
    const close = () => show([]);
    const suggest = () => {
      const q = input.value.trim();
      if (q === asked) return;
      asked = q;
      if (q.length < 2) return show([]);
      fetch(`/skills/suggest?q=${encodeURIComponent(q)}`)
        .then((response) => (response.ok ? response.json() : []))
        .then((found) => { if (input.value.trim() === q && Array.isArray(found)) show(found.slice(0, 10)); }, close);
    };

    input.addEventListener('input', () => {
      // typing again undoes a choice
      if (hidden.parentNode) {
        hidden.remove();
        input.name = name;
      }
      clearTimeout(timer);
      timer = setTimeout(suggest, 250);
    });
    input.addEventListener('keydown', (event) => {
      const open = !list.hidden;
      const key = event.key;
      if (key === 'ArrowDown' && !open) {
        asked = '';
        suggest();
      } else if (open && (key === 'ArrowDown' || key === 'ArrowUp')) {
        event.preventDefault();
        const n = options.length;
        highlight(key === 'ArrowDown' ? (active + 1) % n : (active + n - 1) % n);
      } else if (open && key === 'Enter' && active >= 0) {
        event.preventDefault(); // choose, do not submit yet
        choose(options[active]);
      } else if (open && key === 'Escape') {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', close);
  };

  // Server-Sent Events, each prepended to the list and said in the page's (empty) status element
  const live = (list) => {
    const status = set(document.querySelector('[data-live-status]') || el('p', {}), { role: 'status', 'aria-live': 'polite' });

    const received = (event) => {
      let n;
      try { n = JSON.parse(event.data); } catch (e) { return; }
      if (!n || !n.title || (n.id && list.querySelector(`[data-notification-id="${CSS.escape(n.id)}"]`))) return;
      // as notifications.jte draws one
      const item = el('li', { class: 'unread skillway-card', 'data-notification-id': n.id || '' });
      item.append(el('strong', { class: 'govuk-tag' }, 'New'));
      const title = item.appendChild(el('h2', { class: 'govuk-heading-s' }));
      title.append(n.vacancyId ? el('a', { class: 'govuk-link', href: `/matches/${encodeURIComponent(n.vacancyId)}` }, n.title) : n.title);
      if (n.body) item.append(el('p', { class: 'govuk-body' }, n.body));
      const when = new Date(n.createdAt);
      if (!isNaN(when)) item.append(el('p', { class: 'govuk-body-s' }, when.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' })));
      list.prepend(item);
      document.querySelectorAll('[data-live-empty]').forEach((empty) => { empty.hidden = true; });
      status.textContent = `New notification: ${n.title}`;
    };

    // a named event (the notification's kind) reaches only listeners of its name
    const source = new EventSource('/notifications/live');
    ['message', 'match', 'MatchFound', 'MatchUpdated', 'MatchWithdrawn'].forEach((kind) => source.addEventListener(kind, received));
    // When the stream ends, EventSource asks again; refused (signed out), it stops: the page stays as
    // it is, and no reload loop can start from a server that keeps refusing.
  };

  // GOV.UK's pattern: focus on the errors (autofocus does it without JavaScript)
  const summary = document.querySelector('.govuk-error-summary');
  if (summary) summary.focus();
  document.querySelectorAll('input[data-skill-autocomplete]').forEach(autocomplete);
  const notifications = document.querySelector('ul[data-live-notifications]');
  if (notifications && window.EventSource) live(notifications);
})();
