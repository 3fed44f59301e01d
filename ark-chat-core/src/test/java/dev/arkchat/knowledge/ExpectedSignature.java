package dev.arkchat.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The V4 signature computed by hand from spec §7.2, independently of {@code VolcengineSigner}, to check what the
 * client sends against what the algorithm predicts.
 */
final class ExpectedSignature {

	private static final HexFormat HEX = HexFormat.of();

	private ExpectedSignature() {
	}

	static String sha256Hex(byte[] data) throws Exception {
		return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
	}

	/**
	 * The {@code Authorization} value.
	 * @param signedHeaders lower-case names to their values, every header that is signed
	 */
	static String authorization(String ak, String sk, String region, String service, String xDate, String method,
			String path, Map<String, String> signedHeaders, byte[] body) throws Exception {
		Map<String, String> sorted = new TreeMap<>(signedHeaders);
		String canonicalHeaders = sorted.entrySet()
			.stream()
			.map((e) -> e.getKey() + ":" + e.getValue().trim() + "\n")
			.collect(Collectors.joining());
		String names = String.join(";", sorted.keySet());
		String canonicalRequest = method + "\n" + path + "\n" + "" + "\n" + canonicalHeaders + "\n" + names + "\n"
				+ sha256Hex(body);
		String date = xDate.substring(0, 8);
		String scope = date + "/" + region + "/" + service + "/request";
		String stringToSign = "HMAC-SHA256\n" + xDate + "\n" + scope + "\n"
				+ sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
		byte[] key = hmac(sk.getBytes(StandardCharsets.UTF_8), date);
		key = hmac(key, region);
		key = hmac(key, service);
		key = hmac(key, "request");
		return "HMAC-SHA256 Credential=" + ak + "/" + scope + ", SignedHeaders=" + names + ", Signature="
				+ HEX.formatHex(hmac(key, stringToSign));
	}

	private static byte[] hmac(byte[] key, String data) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
	}

}
