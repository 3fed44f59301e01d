package dev.arkchat.http;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** An input stream that hands out exactly the given fragments, one per {@code read}, as a network would. */
public final class FragmentedInputStream extends InputStream {

	private final Deque<byte[]> fragments = new ArrayDeque<>();

	private byte[] current = new byte[0];

	private int position;

	public FragmentedInputStream(List<byte[]> fragments) {
		this.fragments.addAll(fragments);
	}

	/** Splits bytes at the given offsets. */
	public static FragmentedInputStream splitAt(byte[] bytes, int... offsets) {
		Deque<byte[]> parts = new ArrayDeque<>();
		int from = 0;
		for (int offset : offsets) {
			parts.add(Arrays.copyOfRange(bytes, from, offset));
			from = offset;
		}
		parts.add(Arrays.copyOfRange(bytes, from, bytes.length));
		return new FragmentedInputStream(List.copyOf(parts));
	}

	/** One byte per read. */
	public static FragmentedInputStream byteByByte(byte[] bytes) {
		int[] offsets = new int[Math.max(0, bytes.length - 1)];
		for (int i = 0; i < offsets.length; i++) {
			offsets[i] = i + 1;
		}
		return splitAt(bytes, offsets);
	}

	@Override
	public int read() {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return (n < 0) ? -1 : (one[0] & 0xFF);
	}

	@Override
	public int read(byte[] b, int off, int len) {
		while (this.position == this.current.length) {
			if (this.fragments.isEmpty()) {
				return -1;
			}
			this.current = this.fragments.poll();
			this.position = 0;
		}
		int n = Math.min(len, this.current.length - this.position);
		System.arraycopy(this.current, this.position, b, off, n);
		this.position += n;
		return n;
	}

}
