package dev.arkchat.observation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What is known of one Ark call while it is observed: the request (API, model, options), and, as they arrive, the
 * response id and model, finish reasons, token usage, time to first chunk, and the error. A stream's context is filled
 * chunk by chunk until the stream ends, fails or is closed.
 */
public class ArkChatObservationContext extends Observation.Context {

	private final String api;

	private final String operationName;

	private final @Nullable String requestModel;

	private @Nullable String serverAddress;

	private int serverPort;

	private final boolean streaming;

	private final Map<String, Object> requestOptions;

	private @Nullable String prompt;

	private @Nullable String responseId;

	private @Nullable String responseModel;

	private final List<String> finishReasons = new ArrayList<>(1);

	private @Nullable Integer inputTokens;

	private @Nullable Integer outputTokens;

	private @Nullable Integer cachedTokens;

	private @Nullable Duration timeToFirstChunk;

	private @Nullable String errorType;

	private @Nullable StringBuilder completion;

	private boolean includeContent;

	/**
	 * Creates the context of a call.
	 * @param api which Ark API: {@code bots}, {@code bots.legacy}, {@code context} or {@code knowledge}
	 * @param operationName the GenAI operation, {@code chat} or {@code embeddings}-like names such as {@code search}
	 * @param requestModel the bot, endpoint or model the request names
	 * @param serverAddress the host called
	 * @param serverPort the port called
	 * @param streaming whether the answer is streamed
	 * @param requestOptions request options worth recording (temperature, max_tokens, …)
	 */
	public ArkChatObservationContext(String api, String operationName, @Nullable String requestModel,
			@Nullable String serverAddress, int serverPort, boolean streaming, Map<String, Object> requestOptions) {
		this.api = api;
		this.operationName = operationName;
		this.requestModel = requestModel;
		this.serverAddress = serverAddress;
		this.serverPort = serverPort;
		this.streaming = streaming;
		this.requestOptions = Collections.unmodifiableMap(new LinkedHashMap<>(requestOptions));
	}

	/**
	 * Which Ark API was called.
	 * @return {@code bots}, {@code bots.legacy}, {@code context} or {@code knowledge}
	 */
	public String getApi() {
		return this.api;
	}

	/**
	 * The GenAI operation name.
	 * @return the operation, such as {@code chat}
	 */
	public String getOperationName() {
		return this.operationName;
	}

	/**
	 * The bot, endpoint or model the request named.
	 * @return the request model, or {@code null}
	 */
	public @Nullable String getRequestModel() {
		return this.requestModel;
	}

	/**
	 * The host called.
	 * @return the host, or {@code null}
	 */
	public @Nullable String getServerAddress() {
		return this.serverAddress;
	}

	/**
	 * The port called.
	 * @return the port, or -1
	 */
	public int getServerPort() {
		return this.serverPort;
	}

	/**
	 * Sets the host and port called, once known.
	 * @param serverAddress the host
	 * @param serverPort the port, or -1
	 */
	public void setServer(@Nullable String serverAddress, int serverPort) {
		this.serverAddress = serverAddress;
		this.serverPort = serverPort;
	}

	/**
	 * Whether the answer is streamed.
	 * @return {@code true} for a stream
	 */
	public boolean isStreaming() {
		return this.streaming;
	}

	/**
	 * Request options worth recording, by their GenAI attribute suffix ({@code temperature}, {@code max_tokens}, …).
	 * @return the options
	 */
	public Map<String, Object> getRequestOptions() {
		return this.requestOptions;
	}

	/**
	 * Whether prompt and completion text are recorded (off unless the user turns it on).
	 * @return {@code true} when content is recorded
	 */
	public boolean isIncludeContent() {
		return this.includeContent;
	}

	/**
	 * Turns recording of prompt and completion text on or off.
	 * @param includeContent whether to record content
	 */
	public void setIncludeContent(boolean includeContent) {
		this.includeContent = includeContent;
	}

	/**
	 * The prompt text, recorded only when content is included.
	 * @return the prompt, or {@code null}
	 */
	public @Nullable String getPrompt() {
		return this.prompt;
	}

	/**
	 * Sets the prompt text; ignored unless content is included.
	 * @param prompt the prompt
	 */
	public void setPrompt(@Nullable String prompt) {
		if (this.includeContent) {
			this.prompt = prompt;
		}
	}

	/**
	 * The completion text so far, recorded only when content is included.
	 * @return the completion, or {@code null}
	 */
	public @Nullable String getCompletion() {
		return (this.completion != null) ? this.completion.toString() : null;
	}

	/**
	 * Adds completion text; ignored unless content is included.
	 * @param text the text
	 */
	public void appendCompletion(@Nullable String text) {
		if (this.includeContent && text != null && !text.isEmpty()) {
			this.completion = (this.completion != null) ? this.completion.append(text) : new StringBuilder(text);
		}
	}

	/**
	 * The answer's id.
	 * @return the id, or {@code null}
	 */
	public @Nullable String getResponseId() {
		return this.responseId;
	}

	/**
	 * Sets the answer's id.
	 * @param responseId the id
	 */
	public void setResponseId(@Nullable String responseId) {
		if (responseId != null) {
			this.responseId = responseId;
		}
	}

	/**
	 * The model that answered.
	 * @return the model, or {@code null}
	 */
	public @Nullable String getResponseModel() {
		return this.responseModel;
	}

	/**
	 * Sets the model that answered.
	 * @param responseModel the model
	 */
	public void setResponseModel(@Nullable String responseModel) {
		if (responseModel != null) {
			this.responseModel = responseModel;
		}
	}

	/**
	 * The finish reasons of the choices.
	 * @return the reasons, in order
	 */
	public List<String> getFinishReasons() {
		return Collections.unmodifiableList(this.finishReasons);
	}

	/**
	 * Adds a finish reason.
	 * @param finishReason the reason
	 */
	public void addFinishReason(@Nullable String finishReason) {
		if (finishReason != null && !finishReason.isEmpty()) {
			this.finishReasons.add(finishReason);
		}
	}

	/**
	 * Input tokens.
	 * @return the count, or {@code null} when not reported
	 */
	public @Nullable Integer getInputTokens() {
		return this.inputTokens;
	}

	/**
	 * Output tokens.
	 * @return the count, or {@code null} when not reported
	 */
	public @Nullable Integer getOutputTokens() {
		return this.outputTokens;
	}

	/**
	 * Input tokens read from the context cache.
	 * @return the count, or {@code null} when not reported
	 */
	public @Nullable Integer getCachedTokens() {
		return this.cachedTokens;
	}

	/**
	 * Sets the token usage (the latest report wins: streams send cumulative usage).
	 * @param inputTokens input tokens
	 * @param outputTokens output tokens
	 * @param cachedTokens cached input tokens, if reported
	 */
	public void setUsage(int inputTokens, int outputTokens, @Nullable Integer cachedTokens) {
		this.inputTokens = inputTokens;
		this.outputTokens = outputTokens;
		if (cachedTokens != null) {
			this.cachedTokens = cachedTokens;
		}
	}

	/**
	 * How long the first chunk of a stream took, from the start of the call.
	 * @return the duration, or {@code null} for blocking calls or before the first chunk
	 */
	public @Nullable Duration getTimeToFirstChunk() {
		return this.timeToFirstChunk;
	}

	/**
	 * Records the time to first chunk.
	 * @param timeToFirstChunk the duration
	 */
	public void setTimeToFirstChunk(Duration timeToFirstChunk) {
		this.timeToFirstChunk = timeToFirstChunk;
	}

	/**
	 * The error type ({@code error.type}): an exception's simple name, {@code cancelled} for a stream closed before
	 * its end, or {@code null} on success.
	 * @return the error type, or {@code null}
	 */
	public @Nullable String getErrorType() {
		if (this.errorType != null) {
			return this.errorType;
		}
		Throwable error = getError();
		return (error != null) ? error.getClass().getSimpleName() : null;
	}

	/**
	 * Sets the error type explicitly, such as {@code cancelled}.
	 * @param errorType the type
	 */
	public void setErrorType(@Nullable String errorType) {
		this.errorType = errorType;
	}

}
