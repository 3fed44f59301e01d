package dev.arkchat;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

/**
 * A streamed answer: iterate it (or {@link #stream()} it) to receive each chunk as soon as its bytes arrive, and
 * close it when done. Closing before the end aborts the HTTP exchange at once and frees the connection; use it in a
 * try-with-resources block. Subclasses add the merged completion of their endpoint ({@code completion()}).
 * <p>
 * A stream is read once, by one thread; {@link #close()} may be called from any thread to cancel it. A stream that ends
 * without its terminator, or that carries an error event, throws {@link ArkStreamException} from the iteration: it
 * never ends normally with half an answer.
 * @param <T> the chunk type
 */
public class ChatStream<T> implements Iterable<T>, AutoCloseable {

	private final Source<T> source;

	private final Consumer<? super T> accumulator;

	private final AtomicBoolean closed = new AtomicBoolean();

	private boolean iterated;

	private boolean finished;

	private @Nullable T lookahead;

	/**
	 * Creates a stream over a source of chunks.
	 * @param source where chunks come from
	 * @param accumulator called with every chunk, in order, before the caller sees it
	 */
	protected ChatStream(Source<T> source, Consumer<? super T> accumulator) {
		this.source = source;
		this.accumulator = accumulator;
	}

	/**
	 * The chunks, each delivered as soon as it has arrived. Can be called once.
	 * @return the iterator over the remaining chunks
	 * @throws IllegalStateException when the stream was already iterated
	 */
	@Override
	public Iterator<T> iterator() {
		if (this.iterated) {
			throw new IllegalStateException("A ChatStream can be iterated only once");
		}
		this.iterated = true;
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return fetch();
			}

			@Override
			public T next() {
				if (!fetch()) {
					throw new NoSuchElementException();
				}
				T next = ChatStream.this.lookahead;
				ChatStream.this.lookahead = null;
				return next;
			}

		};
	}

	/**
	 * The chunks as a sequential {@link Stream}; closing the {@code Stream} closes this {@code ChatStream}.
	 * @return the stream of chunks
	 */
	public Stream<T> stream() {
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
			.onClose(this::close);
	}

	/**
	 * Whether the stream reached its terminator normally.
	 * @return {@code true} once the last chunk was read
	 */
	public boolean isFinished() {
		return this.finished;
	}

	/**
	 * Whether the stream was closed, by the caller or because it ended.
	 * @return {@code true} when closed
	 */
	public boolean isClosed() {
		return this.closed.get();
	}

	/**
	 * Closes the stream. Before its end, this aborts the HTTP exchange at once; afterwards it does nothing. Safe to
	 * call from any thread and more than once.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.source.close(this.finished);
		}
	}

	/**
	 * Reads what is left of the stream so that the merged completion is whole. Used by subclasses'
	 * {@code completion()}.
	 */
	protected final void drain() {
		if (this.finished) {
			return;
		}
		if (!this.iterated) {
			for (T ignored : this) {
				// every chunk goes through the accumulator
			}
			return;
		}
		while (fetch()) {
			this.lookahead = null;
		}
	}

	/**
	 * What has been merged so far, attached to an {@link ArkStreamException} when the stream fails.
	 * @return the partial completion, or {@code null}
	 */
	protected @Nullable Object partial() {
		return null;
	}

	private boolean fetch() {
		if (this.lookahead != null) {
			return true;
		}
		if (this.finished) {
			return false;
		}
		if (this.closed.get()) {
			throw new ArkStreamException("The stream was closed before its end", null, null, partial(), null);
		}
		T next;
		try {
			next = this.source.next();
		}
		catch (ArkStreamException ex) {
			close();
			if (ex.getPartial() == null && partial() != null) {
				throw new ArkStreamException(ex.getMessage(), ex.getCode(), ex.getRequestId(), partial(), ex);
			}
			throw ex;
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
		if (next == null) {
			this.finished = true;
			close();
			return false;
		}
		this.accumulator.accept(next);
		this.lookahead = next;
		return true;
	}

	/**
	 * Where a {@link ChatStream}'s chunks come from: the transport's decoded events.
	 * @param <T> the chunk type
	 */
	public interface Source<T> {

		/**
		 * Blocks until the next chunk has arrived.
		 * @return the next chunk, or {@code null} at the stream's terminator
		 * @throws ArkException when the stream failed, was cut off, or timed out
		 */
		@Nullable T next();

		/**
		 * Releases the exchange: aborts it when the stream did not finish.
		 * @param finished whether the terminator was reached
		 */
		void close(boolean finished);

	}

}
