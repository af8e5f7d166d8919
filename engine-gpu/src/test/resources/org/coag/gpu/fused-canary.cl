/* The canary as a compiler that contracts would build it (ContractionCanaryTest): every a * b + c fused. */
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
__kernel void contraction_canary(__global const double *in, __global double *out) {
    if (get_global_id(0) != 0) {
        return;
    }
    out[0] = fma(in[0], in[1], in[2]);
    out[1] = fma(in[0], in[1], in[2]);
    out[2] = fma(in[0], in[1], -in[3]);
    double sum = in[2];
    for (int k = 0; k < (int) in[4]; k++) {
        sum = fma(in[0], in[1], sum);
    }
    out[3] = sum;
}
