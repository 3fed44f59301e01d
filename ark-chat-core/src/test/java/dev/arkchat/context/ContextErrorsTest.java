package dev.arkchat.context;

import dev.arkchat.ArkApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Ark answers mean "context gone", which mean "context busy", and which mean neither. */
class ContextErrorsTest {

	@ParameterizedTest(name = "{0} {1} param={2} \"{3}\" -> gone={4} busy={5}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			404 | NotFound                        | -          | The specified context ctx-1 is not found          | true  | false
			404 | ResourceNotFound                | -          | -                                                | true  | false
			404 | InvalidEndpointOrModel.NotFound | -          | The model or endpoint ep-1 does not exist         | false | false
			404 | ModelNotOpen                    | -          | not open                                         | false | false
			400 | InvalidParameter                | context_id | The parameter `context_id` is not valid           | true  | false
			400 | InvalidParameter                | -          | context_id ctx-1 has expired                     | true  | false
			400 | InvalidParameter                | messages   | The parameter `messages` is not valid            | false | false
			400 | InvalidParameter                | -          | input exceeds the model's context length, invalid | false | false
			403 | OperationDenied.ContextExpired  | -          | The specified context has expired                 | true  | false
			403 | OperationDenied.InvalidState    | -          | The specified context is in invalid state: InProgress | false | true
			403 | OperationDenied.InvalidState    | -          | -                                                | false | true
			403 | OperationDenied.InvalidState    | -          | The specified context is in invalid state: Expired | true | false
			403 | AccessDenied                    | -          | You may not use the specified context             | false | false
			500 | InternalServiceError            | -          | context not found                                | false | false
			429 | ServerOverloaded                | -          | -                                                | false | false
			""")
	void classifies(int status, String code, String param, String message, boolean gone, boolean busy) {
		ArkApiException ex = new ArkApiException(status, code, null, param, message, "r-1");

		assertThat(ContextErrors.isGone(ex)).as("gone").isEqualTo(gone);
		assertThat(ContextErrors.isBusy(ex)).as("busy").isEqualTo(busy);
	}

}
