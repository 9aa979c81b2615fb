import SyncCore
import Testing

@Suite struct SyncErrorTests {
    @Test(arguments: [
        (SyncError.Code.rateLimited, true), (.serverError, true), (.connectionFailed, true), (.timeout, true),
        (.rowLocked, true), (.malformedResponse, true), (.quotaExhausted, false), (.validationFailed, false),
        (.notFound, false), (.malformedRequest, false), (.authenticationFailed, false), (.invalidInput, false),
    ])
    func isRetryable_followsCode(code: SyncError.Code, retryable: Bool) {
        #expect(SyncError(code: code, system: .sap, message: "m").isRetryable == retryable)
    }

    @Test func description_namesRecordFieldAndVendorCode() {
        let error = SyncError(code: .validationFailed, system: .sap, message: "Material TG99 is not defined", httpStatus: 400,
                              vendorCode: "V1/331", recordID: "006000000000001AAA", field: "Material")
        #expect(error.description == "sap validation_failed record 006000000000001AAA field Material: Material TG99 is not defined (HTTP 400, V1/331)")
    }
}
