'use strict';

/*
 * The bot-chat sample's page. Each question opens an EventSource on GET chat/stream?q=… and renders its events as
 * they arrive:
 *   reasoning {text}                   a piece of the model's reasoning: the collapsible "Thinking…" block
 *   content   {text}                   a piece of the answer
 *   done      {references, usage}      the end: reference cards and token usage
 *   error     {message, code, requestId}  the answer failed; what came before is not a whole answer
 * Closing the EventSource (Stop, New chat, leaving the page) makes the server close its stream to Ark, so the bot
 * stops writing tokens nobody reads. Each bot message carries data-state: streaming, done, stopped or error.
 */
(() => {
	const $ = (id) => document.getElementById(id);
	const form = $('composer');
	const input = $('question');
	const send = $('send');
	const stop = $('stop');
	const clear = $('clear');
	const conversation = $('conversation');
	const messages = $('messages');
	const welcome = $('welcome');
	const status = $('status');

	/** The answer being streamed, if any. */
	let current = null;

	function element(tag, className, text) {
		const node = document.createElement(tag);
		if (className) {
			node.className = className;
		}
		if (text !== undefined && text !== null) {
			node.textContent = text;
		}
		return node;
	}

	function nearBottom() {
		return conversation.scrollHeight - conversation.scrollTop - conversation.clientHeight < 96;
	}

	/** Runs a change to the conversation, and keeps it scrolled to the end if it was there. */
	function keepingScroll(change) {
		const follow = nearBottom();
		change();
		if (follow) {
			conversation.scrollTop = conversation.scrollHeight;
		}
	}

	function announce(text) {
		status.textContent = text;
	}

	function seconds(millis) {
		return (millis / 1000).toLocaleString(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) + ' s';
	}

	/** Only web links are made clickable; anything else (javascript:, data:) is shown as text, if at all. */
	function webUrl(value) {
		if (!value) {
			return null;
		}
		try {
			const url = new URL(value, document.baseURI);
			return (url.protocol === 'https:' || url.protocol === 'http:') ? url : null;
		}
		catch (ex) {
			return null;
		}
	}

	function referenceCard(ref, index) {
		const url = webUrl(ref.url);
		const card = element(url ? 'a' : 'div', 'reference');
		if (url) {
			card.href = url.href;
			card.target = '_blank';
			card.rel = 'noopener noreferrer';
		}
		const site = element('span', 'site');
		site.append(element('span', 'index', String(index + 1)),
			element('span', 'site-name', ref.siteName || ref.collectionName || (url ? url.hostname : 'Knowledge base')));
		const title = ref.title || ref.docTitle || ref.docName || ref.chunkTitle || ref.fileName
			|| (url ? url.href : 'Untitled source');
		card.append(site, element('span', 'ref-title', title));
		if (url) {
			card.append(element('span', 'url', (url.hostname + url.pathname).replace(/\/$/, '')));
		}
		const summary = ref.summary || ((ref.chunkTitle && ref.chunkTitle !== title) ? ref.chunkTitle : null);
		if (summary) {
			card.append(element('span', 'summary', summary));
		}
		const item = element('li');
		item.append(card);
		return item;
	}

	function labelled(label, value) {
		const item = element('span', null, label + ' ');
		item.append(element('code', null, value));
		return item;
	}

	function errorIcon() {
		const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
		svg.setAttribute('viewBox', '0 0 20 20');
		svg.setAttribute('class', 'error-icon');
		svg.setAttribute('aria-hidden', 'true');
		const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
		path.setAttribute('fill', 'currentColor');
		path.setAttribute('d', 'M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17zm0 4a1 1 0 0 1 1 1v4.25a1 1 0 1 1-2 0V6.5a1 1 0 0 1 '
			+ '1-1zm0 10a1.15 1.15 0 1 1 0-2.3 1.15 1.15 0 0 1 0 2.3z');
		svg.append(path);
		return svg;
	}

	function usageText(usage) {
		const n = (value) => Number(value).toLocaleString();
		return n(usage.totalTokens) + ' tokens · ' + n(usage.promptTokens) + ' in, ' + n(usage.completionTokens) + ' out';
	}

	/** One answer of the bot, from the question until the stream ends. */
	class Answer {

		constructor(question) {
			this.question = question;
			this.startedAt = performance.now();
			this.firstContentAt = null;
			this.userToggledReasoning = false;

			this.view = element('article', 'message bot');
			this.view.dataset.state = 'streaming';
			this.view.setAttribute('aria-label', 'Answer from the bot');
			this.view.setAttribute('aria-busy', 'true');
			const avatar = element('div', 'avatar', 'AI');
			avatar.setAttribute('aria-hidden', 'true');
			const body = element('div', 'body');

			this.reasoning = element('details', 'reasoning thinking');
			this.reasoning.hidden = true;
			this.reasoningLabel = element('summary', null, 'Thinking…');
			this.reasoningLabel.addEventListener('click', () => {
				this.userToggledReasoning = true;
			});
			this.reasoningText = element('div', 'text');
			this.reasoningText.append(document.createTextNode(''));
			this.reasoning.append(this.reasoningLabel, this.reasoningText);

			this.typing = element('div', 'typing waiting');
			this.typing.setAttribute('aria-hidden', 'true');
			this.typing.append(element('span'), element('span'), element('span'));

			this.answer = element('div', 'answer');
			this.meta = element('footer', 'meta');
			body.append(this.reasoning, this.typing, this.answer, this.meta);
			this.view.append(avatar, body);
		}

		open() {
			this.source = new EventSource('chat/stream?q=' + encodeURIComponent(this.question));
			const on = (name, handle) => this.source.addEventListener(name, (event) => {
				if (this.source) {
					handle(event);
				}
			});
			on('reasoning', (event) => this.reason(JSON.parse(event.data).text));
			on('content', (event) => this.write(JSON.parse(event.data).text));
			on('done', (event) => this.done(JSON.parse(event.data)));
			// the server's "error" event has data; the browser's own (connection lost or refused) has none
			on('error', (event) => this.fail(event.data ? JSON.parse(event.data)
				: { message: 'The connection to the server was lost before the answer was complete.' }));
		}

		reason(text) {
			keepingScroll(() => {
				if (this.reasoning.hidden) {
					this.reasoning.hidden = false;
					this.reasoning.open = true;
				}
				this.reasoningText.firstChild.appendData(text);
			});
		}

		write(text) {
			keepingScroll(() => {
				if (this.firstContentAt === null) {
					this.firstContentAt = performance.now();
					this.typing.classList.remove('waiting');
					this.endReasoning();
					this.answer.append(document.createTextNode(''));
				}
				this.answer.firstChild.appendData(text);
			});
		}

		/** The answer started (or the stream ended): the reasoning folds away unless the reader opened it. */
		endReasoning() {
			if (!this.reasoning.classList.contains('thinking')) {
				return;
			}
			this.reasoning.classList.remove('thinking');
			if (!this.reasoning.hidden) {
				this.reasoningLabel.textContent = 'Thought for ' + seconds(performance.now() - this.startedAt);
				if (!this.userToggledReasoning) {
					this.reasoning.open = false;
				}
			}
		}

		done(done) {
			keepingScroll(() => {
				const references = done.references || [];
				if (references.length > 0) {
					const section = element('section', 'references');
					const heading = element('h3', null, references.length === 1 ? '1 source' : references.length + ' sources');
					heading.id = 'sources-' + Math.random().toString(36).slice(2);
					section.setAttribute('aria-labelledby', heading.id);
					const list = element('ol');
					references.forEach((ref, index) => list.append(referenceCard(ref, index)));
					section.append(heading, list);
					this.meta.before(section);
				}
				if (done.usage) {
					const usage = element('span', 'usage', usageText(done.usage));
					usage.title = 'Tokens this answer cost: prompt (in) and completion (out)';
					this.meta.append(usage);
				}
				this.meta.append(element('span', 'elapsed', 'answered in ' + seconds(performance.now() - this.startedAt)));
				this.finish('done', 'The bot answered.');
			});
		}

		fail(failure) {
			keepingScroll(() => {
				const box = element('div', 'error');
				box.setAttribute('role', 'alert');
				box.append(errorIcon());
				const text = element('div');
				let message = failure.message || 'Unknown error.';
				if (failure.requestId) {
					// the request id is shown on its own below
					message = message.replace(' Request id: ' + failure.requestId, '');
				}
				text.append(element('strong', null, this.answer.textContent ? 'The answer was cut off'
					: 'The bot could not answer'), element('span', 'message-text', message));
				if (failure.code || failure.requestId) {
					const details = element('div', 'details');
					if (failure.code) {
						details.append(labelled('Code', failure.code));
					}
					if (failure.requestId) {
						details.append(labelled('Request id', failure.requestId));
					}
					text.append(details);
				}
				box.append(text);
				this.meta.before(box);
				this.finish('error', 'The bot could not answer: ' + message);
			});
		}

		/** Stops reading: closing the EventSource makes the server close the stream to Ark. */
		stop() {
			if (!this.source) {
				return;
			}
			keepingScroll(() => {
				this.meta.append(element('span', 'note', this.answer.textContent ? 'Stopped: the rest was not written.'
					: 'Stopped before the bot answered.'));
				this.finish('stopped', 'Stopped.');
			});
		}

		finish(state, announcement) {
			this.source.close();
			this.source = null;
			this.endReasoning();
			this.view.dataset.state = state;
			this.view.setAttribute('aria-busy', 'false');
			if (current === this) {
				current = null;
			}
			announce(announcement);
			updateControls();
		}

	}

	function updateControls() {
		const busy = current !== null;
		send.hidden = busy;
		stop.hidden = !busy;
		send.disabled = busy || input.value.trim() === '';
		clear.disabled = !busy && messages.childElementCount === 0;
		if (!busy && (document.activeElement === document.body || document.activeElement === null)) {
			input.focus();
		}
	}

	function autosize() {
		input.style.height = 'auto';
		input.style.height = input.scrollHeight + 'px';
	}

	function ask(question) {
		if (!question || current) {
			return;
		}
		welcome.hidden = true;
		const mine = element('article', 'message user');
		mine.setAttribute('aria-label', 'Your question');
		mine.append(element('div', 'bubble', question));
		current = new Answer(question);
		messages.append(mine, current.view);
		conversation.scrollTop = conversation.scrollHeight;
		input.value = '';
		autosize();
		current.open();
		announce('The bot is answering…');
		updateControls();
	}

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		ask(input.value.trim());
	});

	input.addEventListener('keydown', (event) => {
		// Enter sends, Shift+Enter is a new line; Enter that confirms an input method's composition does neither
		if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
			event.preventDefault();
			ask(input.value.trim());
		}
	});

	input.addEventListener('input', () => {
		autosize();
		updateControls();
	});

	stop.addEventListener('click', () => {
		if (current) {
			current.stop();
		}
		input.focus();
	});

	clear.addEventListener('click', () => {
		if (current) {
			current.stop();
		}
		messages.replaceChildren();
		welcome.hidden = false;
		announce('New chat.');
		updateControls();
		input.focus();
	});

	for (const suggestion of document.querySelectorAll('.suggestions button')) {
		suggestion.addEventListener('click', () => {
			input.value = suggestion.textContent;
			ask(input.value.trim());
			input.focus();
		});
	}

	window.addEventListener('pagehide', () => {
		if (current) {
			current.stop();
		}
	});

	updateControls();
})();
