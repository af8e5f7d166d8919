/*
 * The contraction canary (org.coag.gpu.ContractionCanary): a * b + c in the forms the kernels use
 * (product first, sum first, a difference, an accumulation in a loop), with operands read from a
 * buffer so that nothing folds at compile time. With FP_CONTRACT OFF (rng.cl) each product is rounded
 * before the sum; a compiler that fuses them into one fma gives different bits, which the host
 * detects and refuses.
 */
__kernel void contraction_canary(__global const double *in, __global double *out) {
    if (get_global_id(0) != 0) {
        return;
    }
    double a = in[0];
    double b = in[1];
    double c = in[2];
    double d = in[3];
    out[0] = a * b + c;
    out[1] = c + a * b;
    out[2] = a * b - d;
    double sum = c;
    for (int k = 0; k < (int) in[4]; k++) {
        sum += a * b;
    }
    out[3] = sum;
}
